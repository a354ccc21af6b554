"""Python 3.11 references for test/api/datetime.test.ts: the notebook's `datetime` and `timedelta`
(src/datetime.ts) against Python's datetime module. Each case is one Python line and its dialect
spelling; the suite runs the dialect cells through `torchlab run` and compares what they print with what
Python printed (or the error's type and message). The prelude's `datetime` is the class (`from datetime
import datetime`); `datetime.datetime` / `datetime.timedelta` / `datetime.date` are the module's
spelling, written `dtmod.` on the Python side. Only fixed dates: `now()` is checked for its form.
Run with Debian's /usr/bin/python3 from test/reference: writes datetime.json.
"""
import datetime as dtmod
import sys
from datetime import datetime, timedelta

from gen_py_sweep import write_cases

assert sys.version_info[:2] == (3, 11), sys.version

CASES = [
    # str, repr and isoformat
    ('str_01', "d = datetime(2024, 1, 31, 12, 30, 5, 250000); print(d); print(repr(d)); print(d.isoformat(), d.isoformat(' '), d.isoformat(timespec='milliseconds'), d.isoformat(timespec='minutes'))",
     "const d = datetime(2024, 1, 31, 12, 30, 5, 250000); print(d); print(repr(d)); print(d.isoformat(), d.isoformat(' '), d.isoformat(timespec='milliseconds'), d.isoformat(timespec='minutes'))"),
    ('str_02', "print(repr(datetime(2024, 1, 1)), repr(datetime(2024, 1, 1, 0, 0, 5)), repr(datetime(2024, 1, 1, 0, 0, 0, 7)), datetime(2024, 1, 1), str(datetime(1999, 12, 31, 23, 59, 59, 1)))",
     "print(repr(datetime(2024, 1, 1)), repr(datetime(2024, 1, 1, 0, 0, 5)), repr(datetime(2024, 1, 1, 0, 0, 0, 7)), datetime(2024, 1, 1), str(datetime(1999, 12, 31, 23, 59, 59, 1)))"),
    ('str_03', "print(dtmod.datetime(2024, 2, 29), repr(dtmod.date(2024, 2, 29)), dtmod.date(2024, 2, 29), f'{datetime(2024, 5, 6):%d/%m/%Y}')",
     "print(datetime.datetime(2024, 2, 29), repr(datetime.date(2024, 2, 29)), datetime.date(2024, 2, 29), `${datetime(2024, 5, 6):%d/%m/%Y}`)"),
    # strftime in the C locale
    ('strftime_01', "d = datetime(2024, 3, 5, 7, 8, 9, 10); print(d.strftime('%Y%m%d_%H%M%S')); print(d.strftime('%a %A %w %d %b %B %m %y %Y %H %I %p %M %S %f %j %U %W %%'))",
     "const d = datetime(2024, 3, 5, 7, 8, 9, 10); print(d.strftime('%Y%m%d_%H%M%S')); print(d.strftime('%a %A %w %d %b %B %m %y %Y %H %I %p %M %S %f %j %U %W %%'))"),
    ('strftime_02', "d = datetime(2023, 12, 31, 23, 0); print(d.strftime('%c | %x | %X | %F %T | %e | %-d.%-m.%Y %-I%p'))",
     "const d = datetime(2023, 12, 31, 23, 0); print(d.strftime('%c | %x | %X | %F %T | %e | %-d.%-m.%Y %-I%p'))"),
    ('strftime_03', "print([datetime(2024, 1, k).strftime('%a %j %U %W') for k in (1, 6, 7, 8)], datetime(2021, 1, 1).strftime('%U %W %u %w'))",
     "print([1, 6, 7, 8].map((k) => datetime(2024, 1, k).strftime('%a %j %U %W')), datetime(2021, 1, 1).strftime('%U %W %u %w'))"),
    # parsing
    ('strptime_01', "print(repr(datetime.strptime('2024-01-31', '%Y-%m-%d')), repr(datetime.strptime('31/01/24 07:05 PM', '%d/%m/%y %I:%M %p')), repr(datetime.strptime('Jan 5 2020 12:00:01.5', '%b %d %Y %H:%M:%S.%f')))",
     "print(repr(datetime.strptime('2024-01-31', '%Y-%m-%d')), repr(datetime.strptime('31/01/24 07:05 PM', '%d/%m/%y %I:%M %p')), repr(datetime.strptime('Jan 5 2020 12:00:01.5', '%b %d %Y %H:%M:%S.%f')))"),
    ('strptime_02', "datetime.strptime('2024-13-01', '%Y-%m-%d')",
     "datetime.strptime('2024-13-01', '%Y-%m-%d')"),
    ('strptime_03', "datetime.strptime('2024-01-01 10:00', '%Y-%m-%d')",
     "datetime.strptime('2024-01-01 10:00', '%Y-%m-%d')"),
    ('fromisoformat_01', "print(repr(datetime.fromisoformat('2024-01-31')), repr(datetime.fromisoformat('2024-01-31T12:30:05.25')), repr(datetime.fromisoformat('2024-01-31 12:30')), repr(dtmod.date.fromisoformat('2020-02-02')))",
     "print(repr(datetime.fromisoformat('2024-01-31')), repr(datetime.fromisoformat('2024-01-31T12:30:05.25')), repr(datetime.fromisoformat('2024-01-31 12:30')), repr(datetime.date.fromisoformat('2020-02-02')))"),
    # fields and validation
    ('fields_01', "d = datetime(2024, 2, 29, 13, 14, 15, 16); print(d.year, d.month, d.day, d.hour, d.minute, d.second, d.microsecond, d.weekday(), d.isoweekday(), d.toordinal(), repr(d.date()))",
     "const d = datetime(2024, 2, 29, 13, 14, 15, 16); print(d.year, d.month, d.day, d.hour, d.minute, d.second, d.microsecond, d.weekday(), d.isoweekday(), d.toordinal(), repr(d.date()))"),
    ('fields_02', "print(repr(datetime(2024, 1, 31, 5).replace(day=1, hour=0)), repr(dtmod.date(2024, 3, 31).replace(month=4, day=30)))",
     "print(repr(datetime(2024, 1, 31, 5).replace(day=1, hour=0)), repr(datetime.date(2024, 3, 31).replace(month=4, day=30)))"),
    ('invalid_01', "datetime(2023, 2, 29)",
     "datetime(2023, 2, 29)"),
    ('invalid_02', "datetime(2024, 13, 1)",
     "datetime(2024, 13, 1)"),
    ('invalid_03', "datetime(2024, 1, 1, 24)",
     "datetime(2024, 1, 1, 24)"),
    # timedelta
    ('timedelta_01', "for td in [timedelta(seconds=1.5), timedelta(days=1, hours=2, minutes=3, seconds=4), timedelta(seconds=-1), timedelta(0), timedelta(weeks=2, milliseconds=1), timedelta(days=-3, hours=5)]:\n    print(str(td), repr(td), td.total_seconds(), td.days, td.seconds, td.microseconds)",
     "for (const td of [timedelta(seconds=1.5), timedelta(days=1, hours=2, minutes=3, seconds=4), timedelta(seconds=-1), timedelta(0), timedelta(weeks=2, milliseconds=1), timedelta(days=-3, hours=5)]) {\n    print(str(td), repr(td), td.total_seconds(), td.days, td.seconds, td.microseconds)\n}"),
    ('timedelta_02', "print(repr(timedelta(microseconds=0.5)), repr(timedelta(microseconds=1.5)), repr(timedelta(minutes=0.1)), dtmod.timedelta(hours=36))",
     "print(repr(timedelta(microseconds=0.5)), repr(timedelta(microseconds=1.5)), repr(timedelta(minutes=0.1)), datetime.timedelta(hours=36))"),
    ('timedelta_03', "timedelta(days=1e9)",
     "timedelta(days=1e9)"),
    # the operators: differences, shifts, scaling, comparisons
    ('ops_01', "a = datetime(2024, 3, 1); b = datetime(2024, 2, 28, 12); delta = a - b; print(delta, repr(delta), a > b, a == b, a - delta == b, b + delta == a)",
     "const a = datetime(2024, 3, 1); const b = datetime(2024, 2, 28, 12); const delta = a - b; print(delta, repr(delta), a > b, a == b, a - delta == b, b + delta == a)"),
    ('ops_02', "t = timedelta(minutes=90); print(t * 2, 2 * t, t / 4, t / timedelta(hours=1), t.__floordiv__(timedelta(minutes=7)), -t, abs(-t), t - timedelta(hours=2), t < timedelta(hours=2))",
     "const t = timedelta(minutes=90); print(t * 2, 2 * t, t / 4, t / timedelta(hours=1), t.__floordiv__(timedelta(minutes=7)), -t, abs(-t), t - timedelta(hours=2), t < timedelta(hours=2))"),
    ('ops_03', "d = dtmod.date(2024, 1, 31); print(d + timedelta(days=30), d - timedelta(weeks=5), dtmod.date(2024, 12, 25) - d, datetime(2024, 1, 31, 23, 59, 59, 999999) + timedelta(microseconds=1))",
     "const d = datetime.date(2024, 1, 31); print(d + timedelta(days=30), d - timedelta(weeks=5), datetime.date(2024, 12, 25) - d, datetime(2024, 1, 31, 23, 59, 59, 999999) + timedelta(microseconds=1))"),
    ('ops_04', "print(sorted([datetime(2024, 1, 2), datetime(2023, 5, 1), datetime(2024, 1, 1, 12)]), max([timedelta(1), timedelta(hours=30)]))",
     "print(sorted([datetime(2024, 1, 2), datetime(2023, 5, 1), datetime(2024, 1, 1, 12)]), max([timedelta(1), timedelta(hours=30)]))"),
    ('ops_05', "datetime(2024, 1, 1) + 1",
     "datetime(2024, 1, 1) + 1"),
    ('ops_06', "datetime(2024, 1, 1) - dtmod.date(2024, 1, 1)",
     "datetime(2024, 1, 1) - datetime.date(2024, 1, 1)"),
    ('ops_07', "datetime(2024, 1, 1) < 5",
     "datetime(2024, 1, 1) < 5"),
    ('ops_08', "timedelta(1) / 0",
     "timedelta(1) / 0"),
    # how long an epoch took: the elapsed time's form (the values depend on the clock)
    ('now_01', "import re\nstart = datetime.now(); elapsed = datetime.now() - start; stamp = datetime.now().strftime('%Y%m%d_%H%M%S')\nprint(type(elapsed).__name__, elapsed.days, elapsed.total_seconds() < 1, re.fullmatch(r'\\d{8}_\\d{6}', stamp) is not None, datetime.now().year >= 2024, abs(datetime.now() - datetime.fromtimestamp(datetime.now().timestamp())) < timedelta(seconds=1))",
     "const start = datetime.now(); const elapsed = datetime.now() - start; const stamp = datetime.now().strftime('%Y%m%d_%H%M%S')\nprint(type(elapsed).__name__, elapsed.days, elapsed.total_seconds() < 1, re.fullmatch(String.raw`\\d{8}_\\d{6}`, stamp) !== null, datetime.now().year >= 2024, abs(datetime.now() - datetime.fromtimestamp(datetime.now().timestamp())) < timedelta(seconds=1))"),
]


def main():
    write_cases(CASES, "datetime.json", {"datetime": datetime, "timedelta": timedelta, "dtmod": dtmod})


if __name__ == "__main__":
    main()
