"""Python 3.11 / pandas 1.5.3 / NumPy 1.24 / PyTorch 1.13 references for test/api/pandas.test.ts: the
notebook's `pd` (src/pandas) against Debian's pandas. Each case is one Python line and its dialect
spelling; the suite runs the dialect cells through `torchlab run` and compares what they print with what
Python printed (or the error's type and message): read_csv from a buffer and a path (header, names,
index_col, usecols, na_values, dtype and its inference), DataFrame and Series construction, subscripts,
iloc / loc, assignment, arithmetic, the reductions and describe, missing values, apply / map / astype,
value_counts, sort_values, groupby, concat, get_dummies, values into torch.tensor, and the printed text
(float formatting, truncation of long and wide frames with the dimensions footer). A notebook's
display.max_columns is 20 (pandas makes it 0 only in a terminal), so this script sets it.
Run with Debian's /usr/bin/python3 from test/reference: writes pandas.json.
"""
import io
import re
import sys
import warnings

import numpy as np
import pandas as pd
import torch

from gen_py_sweep import write_cases

assert pd.__version__ == "1.5.3", pd.__version__
assert np.__version__.startswith("1.24"), np.__version__
assert torch.__version__.startswith("1.13"), torch.__version__
assert sys.version_info[:2] == (3, 11), sys.version
# pandas' FutureWarnings (numeric_only) go to stderr, which the cases do not compare.
warnings.simplefilter("ignore")
pd.set_option("display.max_columns", 20)

# d2l's data-preprocessing table, and a small one with every inferred dtype (int64, float64 with a gap, object, bool).
HOUSE = "NumRooms,Alley,Price\\nNA,Pave,127500\\n2,NA,106000\\n4,NA,178100\\nNA,NA,140000\\n"
T1 = "Id,a,b,c,flag\\n1,0.5,x,3,True\\n2,1.25,y,,False\\n3,-2,x,7,True\\n"
READ_HOUSE = f"pd.read_csv(io.StringIO('{HOUSE}'))"
READ_T1 = f"pd.read_csv(io.StringIO('{T1}'))"
XYZ = "{'x': [1, 2, 3], 'y': [0.5, 1.5, 2.5], 'z': ['a', 'b', 'c']}"


def same(name, line):
    """A case whose dialect spelling is the Python line with its first assignment a `let`."""
    return (name, line, re.sub(r"^(\w+) = ", r"let \1 = ", line))


CASES = [
    # read_csv and dtype inference
    same('read_01', f"df = {READ_HOUSE}; print(df); print(df.dtypes)"),
    same('read_02', f"df = {READ_T1}; print(df); print(df.dtypes); print(df.shape, len(df))"),
    ('read_03', f"df = pd.read_csv(io.StringIO('{T1}'), index_col=0); print(df); print(df.index)",
     f"let df = pd.read_csv(io.StringIO('{T1}'), {{index_col: 0}}); print(df); print(df.index)"),
    ('read_04', f"df = pd.read_csv(io.StringIO('{T1}'), usecols=['a', 'b'], na_values=['x']); print(df); print(df.dtypes)",
     f"let df = pd.read_csv(io.StringIO('{T1}'), {{usecols: ['a', 'b'], na_values: ['x']}}); print(df); print(df.dtypes)"),
    ('read_05', f"print(pd.read_csv(io.StringIO('{T1}'), header=None))",
     f"print(pd.read_csv(io.StringIO('{T1}'), {{header: null}}))"),
    ('read_06', f"print(pd.read_csv(io.StringIO('{T1}'), names=['q', 'r', 's', 't', 'u'], header=0))",
     f"print(pd.read_csv(io.StringIO('{T1}'), {{names: ['q', 'r', 's', 't', 'u'], header: 0}}))"),
    ('read_07', f"print(pd.read_csv(io.StringIO('{T1}'), dtype={{'Id': 'float64'}}))",
     f"print(pd.read_csv(io.StringIO('{T1}'), {{dtype: {{'Id': 'float64'}}}}))"),
    ('read_08', "print(pd.read_csv(io.StringIO('a;b\\n1;\"x;y\"\\n2;z\\n'), sep=';'))",
     "print(pd.read_csv(io.StringIO('a;b\\n1;\"x;y\"\\n2;z\\n'), {sep: ';'}))"),
    ('read_09', f"df = {READ_T1}; df.to_csv('/tmp/torchlab_pandas_case.csv', index=False); print(pd.read_csv('/tmp/torchlab_pandas_case.csv'))",
     f"let df = {READ_T1}; df.to_csv('/tmp/torchlab_pandas_case.csv', {{index: false}}); print(pd.read_csv('/tmp/torchlab_pandas_case.csv'))"),
    same('read_10', "pd.read_csv('/tmp/torchlab_pandas_no_such_file.csv')"),
    ('csv_01', f"df = {READ_T1}; print(df.to_csv(index=False)); print(df.to_csv())",
     f"let df = {READ_T1}; print(df.to_csv({{index: false}})); print(df.to_csv())"),
    # d2l's data preprocessing, line by line
    ('d2l_01', f"data = {READ_HOUSE}; inputs, outputs = data.iloc[:, 0:2], data.iloc[:, 2]; inputs = inputs.fillna(inputs.mean()); print(inputs); print(outputs)",
     f"let data = {READ_HOUSE}; let [inputs, outputs] = [data.iloc[':', '0:2'], data.iloc[':', 2]]; inputs = inputs.fillna(inputs.mean()); print(inputs); print(outputs)"),
    ('d2l_02', f"data = {READ_HOUSE}; inputs, outputs = data.iloc[:, 0:2], data.iloc[:, 2]; inputs = inputs.fillna(inputs.mean()); inputs = pd.get_dummies(inputs, dummy_na=True); print(inputs); print(inputs.dtypes); X, y = torch.tensor(inputs.values), torch.tensor(outputs.values); print(X, y)",
     f"let data = {READ_HOUSE}; let [inputs, outputs] = [data.iloc[':', '0:2'], data.iloc[':', 2]]; inputs = inputs.fillna(inputs.mean()); inputs = pd.get_dummies(inputs, {{dummy_na: true}}); print(inputs); print(inputs.dtypes); let [X, y] = [torch.tensor(inputs.values), torch.tensor(outputs.values)]; print(X, y)"),
    # construction, subscripts, iloc / loc, assignment
    ('frame_01', f"df = pd.DataFrame({XYZ}); df['w'] = df['x'] * df['y']; print(df); print(df[df['x'] > 1]); print(df.iloc[1]); print(df.loc[0, 'z'])",
     f"let df = new pd.DataFrame({XYZ}); df['w'] = df['x'] * df['y']; print(df); print(df[df['x'] > 1]); print(df.iloc[1]); print(df.loc[0, 'z'])"),
    ('frame_02', f"df = pd.DataFrame({XYZ}); print(df.loc[1:2, ['x', 'z']]); print(df.loc[df['y'] > 1, 'z']); df.loc[df['x'] == 2, 'y'] = 9.5; print(df)",
     f"let df = new pd.DataFrame({XYZ}); print(df.loc['1:2', ['x', 'z']]); print(df.loc[df['y'] > 1, 'z']); df.loc[df['x'] == 2, 'y'] = 9.5; print(df)"),
    ('frame_03', f"df = {READ_T1}; print(df.iloc[0:2, [0, 1, -1]]); print(df[['a', 'c']]); print(df[:2]); print(df.iloc[-1, 2])",
     f"let df = {READ_T1}; print(df.iloc['0:2', [0, 1, -1]]); print(df[['a', 'c']]); print(df[':2']); print(df.iloc[-1, 2])"),
    ('frame_04', "df = pd.DataFrame({'a': [1, 2], 'b': [3, 4]}); print([c for c in df]); print(df.to_numpy()); print(df.values.dtype); print(torch.tensor(df.values, dtype=torch.float32)); print(df.astype('float64')); print(df * 2 - df)",
     "let df = new pd.DataFrame({'a': [1, 2], 'b': [3, 4]}); print([...df]); print(df.to_numpy()); print(df.values.dtype); print(torch.tensor(df.values, {dtype: torch.float32})); print(df.astype('float64')); print(df * 2 - df)"),
    ('frame_05', "df = pd.DataFrame([[1, 2.5], [3, 4.5]], columns=['p', 'q'], index=['r1', 'r2']); print(df); print(df.T); print(df.loc['r2']); print(df.columns, df.index)",
     "let df = new pd.DataFrame([[1, 2.5], [3, 4.5]], {columns: ['p', 'q'], index: ['r1', 'r2']}); print(df); print(df.T); print(df.loc['r2']); print(df.columns, df.index)"),
    ('frame_06', "df = pd.DataFrame(np.arange(6).reshape(3, 2), columns=['a', 'b']); print(df); print(df - df.mean()); print(df.drop(columns=['a'])); print(df.rename(columns={'a': 'A'}))",
     "let df = new pd.DataFrame(np.arange(6).reshape(3, 2), {columns: ['a', 'b']}); print(df); print(df - df.mean()); print(df.drop({columns: ['a']})); print(df.rename({columns: {'a': 'A'}}))"),
    ('frame_07', "df = pd.DataFrame({'a': [3, 1, 2]}); print([[i, row['a']] for i, row in df.iterrows()]); print(len(df), df.shape, df.size)",
     "let df = new pd.DataFrame({'a': [3, 1, 2]}); print([...df.iterrows()].map(([i, row]) => [i, row['a']])); print(len(df), df.shape, df.size)"),
    # Series
    ('series_01', "s = pd.Series([1, 2, 3], index=['a', 'b', 'c']); print(s); print(s['b'], s[0]); print(s[s > 1]); print(s.index); print(s.values)",
     "let s = new pd.Series([1, 2, 3], {index: ['a', 'b', 'c']}); print(s); print(s['b'], s[0]); print(s[s > 1]); print(s.index); print(s.values)"),
    ('series_02', "s = pd.Series(['a', 'b', 'a', 'c']); print(s.map({'a': 1, 'b': 2})); print(s.apply(lambda v: v * 2)); print(pd.get_dummies(s)); print(s.value_counts(normalize=True))",
     "let s = new pd.Series(['a', 'b', 'a', 'c']); print(s.map({'a': 1, 'b': 2})); print(s.apply((v) => v + v)); print(pd.get_dummies(s)); print(s.value_counts({normalize: true}))"),
    ('series_03', "s = pd.Series([0.001, 123456.789, np.nan], name='v'); print(s); print(s.mean(), s.sum(), s.std(), s.count(), s.min(), s.max())",
     "let s = new pd.Series([0.001, 123456.789, NaN], {name: 'v'}); print(s); print(s.mean(), s.sum(), s.std(), s.count(), s.min(), s.max())"),
    ('series_04', "print(pd.Series([1e-9, 2.5])); print(pd.Series([1e7, 2.5])); print(pd.Series([1e15, 2.5])); print(pd.Series([-1.5, 2.25, 100.125]))",
     "print(new pd.Series([1e-9, 2.5])); print(new pd.Series([1e7, 2.5])); print(new pd.Series([1e15, 2.5])); print(new pd.Series([-1.5, 2.25, 100.125]))"),
    ('series_05', "s = pd.Series(np.arange(100) / 7); print(s)",
     "let s = new pd.Series(np.arange(100) / 7); print(s)"),
    ('series_06', "s = pd.Series([3, 1, 2], name='n'); print(s.sort_values(ascending=False)); print(s.astype('float64')); print(s.unique(), s.nunique()); print(-s, s % 2 == 1)",
     "let s = new pd.Series([3, 1, 2], {name: 'n'}); print(s.sort_values({ascending: false})); print(s.astype('float64')); print(s.unique(), s.nunique()); print(-s, s % 2 == 1)"),
    # reductions, describe, missing values
    same('reduce_01', f"df = {READ_T1}; print(df.mean()); print(df.sum()); print(df.max()); print(df.count())"),
    same('reduce_02', f"df = {READ_T1}; print(df.describe()); print(df['b'].describe())"),
    ('missing_01', "df = pd.DataFrame({'a': [1.5, np.nan, 3], 'b': ['u', None, 'w']}); print(df); print(df.isna().sum()); print(df.dropna()); print(df['a'].fillna(df['a'].mean())); print(df.fillna(0))",
     "let df = new pd.DataFrame({'a': [1.5, NaN, 3], 'b': ['u', null, 'w']}); print(df); print(df.isna().sum()); print(df.dropna()); print(df['a'].fillna(df['a'].mean())); print(df.fillna(0))"),
    ('missing_02', f"df = {READ_T1}; print(df.isna()); print(df.dropna()); print(df.fillna(df.mean(numeric_only=True)))",
     f"let df = {READ_T1}; print(df.isna()); print(df.dropna()); print(df.fillna(df.mean({{numeric_only: true}})))"),
    # value_counts, sort_values, groupby, concat, get_dummies
    same('counts_01', f"df = {READ_T1}; print(df['b'].value_counts()); print(df['flag'].value_counts())"),
    ('group_01', "df = pd.DataFrame({'k': ['b', 'a', 'b'], 'v': [1.5, 2, 5], 'w': [1, 2, 3]}); print(df.groupby('k').sum()); print(df.groupby('k').mean()); print(df.groupby('k').size()); print(df.sort_values('v', ascending=False))",
     "let df = new pd.DataFrame({'k': ['b', 'a', 'b'], 'v': [1.5, 2, 5], 'w': [1, 2, 3]}); print(df.groupby('k').sum()); print(df.groupby('k').mean()); print(df.groupby('k').size()); print(df.sort_values('v', {ascending: false}))"),
    ('group_02', "df = pd.DataFrame({'k': ['b', 'a', 'b'], 'v': [1.5, 2, 5], 'w': [1, 2, 3]}); print(df.groupby('k')['v'].mean()); print(df.groupby('k')['w'].sum())",
     "let df = new pd.DataFrame({'k': ['b', 'a', 'b'], 'v': [1.5, 2, 5], 'w': [1, 2, 3]}); print(df.groupby('k')['v'].mean()); print(df.groupby('k')['w'].sum())"),
    ('concat_01', "print(pd.concat([pd.DataFrame({'a': [1, 2]}), pd.DataFrame({'a': [3], 'b': [0.5]})])); print(pd.concat([pd.DataFrame({'a': [1, 2]}), pd.DataFrame({'b': ['x', 'y']})], axis=1)); print(pd.concat([pd.Series([1]), pd.Series([2])], ignore_index=True))",
     "print(pd.concat([new pd.DataFrame({'a': [1, 2]}), new pd.DataFrame({'a': [3], 'b': [0.5]})])); print(pd.concat([new pd.DataFrame({'a': [1, 2]}), new pd.DataFrame({'b': ['x', 'y']})], {axis: 1})); print(pd.concat([new pd.Series([1]), new pd.Series([2])], {ignore_index: true}))"),
    ('dummies_01', f"df = {READ_T1}; d = pd.get_dummies(df); print(d); print(d.dtypes); print(pd.get_dummies(df, columns=['b'], prefix='B', dummy_na=True))",
     f"let df = {READ_T1}; let d = pd.get_dummies(df); print(d); print(d.dtypes); print(pd.get_dummies(df, {{columns: ['b'], prefix: 'B', dummy_na: true}}))"),
    # the printed text of long and wide frames
    ('print_01', "print(pd.DataFrame(np.arange(300).reshape(100, 3) * 1.5, columns=['a', 'b', 'c']))",
     "print(new pd.DataFrame(np.arange(300).reshape(100, 3) * 1.5, {columns: ['a', 'b', 'c']}))"),
    ('print_02', "print(pd.DataFrame(np.arange(75).reshape(3, 25)))",
     "print(new pd.DataFrame(np.arange(75).reshape(3, 25)))"),
    ('print_03', "print(pd.DataFrame(np.arange(144).reshape(3, 48) * 1000.5).iloc[:2]); print(pd.DataFrame(np.arange(36).reshape(3, 12) * 1000.5))",
     "print(new pd.DataFrame(np.arange(144).reshape(3, 48) * 1000.5).iloc[':2']); print(new pd.DataFrame(np.arange(36).reshape(3, 12) * 1000.5))"),
    ('print_04', "print(pd.DataFrame(np.arange(2100).reshape(70, 30)))",
     "print(new pd.DataFrame(np.arange(2100).reshape(70, 30)))"),
    ('print_05', f"df = {READ_T1}; print(df.head(2)); print(df.tail(1)); print(pd.DataFrame({{'a': []}})); print(pd.Series([], dtype='float64'))",
     f"let df = {READ_T1}; print(df.head(2)); print(df.tail(1)); print(new pd.DataFrame({{'a': []}})); print(new pd.Series([], {{dtype: 'float64'}}))"),
    # label alignment: the union of the indexes, NaN where one side has no value (a positional answer would be silently wrong)
    ('align_01', "s1 = pd.Series([1, 2, 3], index=['a', 'b', 'c']); s2 = pd.Series([10, 20, 30], index=['b', 'c', 'd']); print(s1 + s2); print(s2 - s1); print(s1.add(s2, fill_value=0)); print(s1 * pd.Series([2, 3, 4], index=['c', 'a', 'b'])); print(s1.eq(s2)); print(s1.gt(s2))",
     "let s1 = new pd.Series([1, 2, 3], {index: ['a', 'b', 'c']}); let s2 = new pd.Series([10, 20, 30], {index: ['b', 'c', 'd']}); print(s1 + s2); print(s2 - s1); print(s1.add(s2, {fill_value: 0})); print(s1 * new pd.Series([2, 3, 4], {index: ['c', 'a', 'b']})); print(s1.eq(s2)); print(s1.gt(s2))"),
    ('align_02', "df = pd.DataFrame({'a': [1, 2, 3], 'b': [4.5, 5, 6]}); s = pd.Series([10, 20, 30], index=[2, 1, 0]); print(df['a'] + s); df['n'] = s; print(df); df['m'] = pd.Series([7, 8], index=[1, 2]); print(df); print(df.assign(k=pd.Series([True, False], index=[0, 2])))",
     "let df = new pd.DataFrame({'a': [1, 2, 3], 'b': [4.5, 5, 6]}); let s = new pd.Series([10, 20, 30], {index: [2, 1, 0]}); print(df['a'] + s); df['n'] = s; print(df); df['m'] = new pd.Series([7, 8], {index: [1, 2]}); print(df); print(df.assign({k: new pd.Series([true, false], {index: [0, 2]})}))"),
    ('align_03', "df = pd.DataFrame({'a': [1, 2, 3], 'b': [4.5, 5, 6]}); df2 = pd.DataFrame({'b': [1, 2], 'c': [3, 4]}, index=[1, 5]); print(df + df2); print(df.add(df2, fill_value=0)); print(df + pd.Series({'a': 1, 'z': 2})); print(df.sub(pd.Series([1, 2, 3], index=[2, 1, 0]), axis=0)); print(df.mul(pd.Series([1, 2], index=[0, 3]), axis='index'))",
     "let df = new pd.DataFrame({'a': [1, 2, 3], 'b': [4.5, 5, 6]}); let df2 = new pd.DataFrame({'b': [1, 2], 'c': [3, 4]}, {index: [1, 5]}); print(df + df2); print(df.add(df2, {fill_value: 0})); print(df + new pd.Series({'a': 1, 'z': 2})); print(df.sub(new pd.Series([1, 2, 3], {index: [2, 1, 0]}), {axis: 0})); print(df.mul(new pd.Series([1, 2], {index: [0, 3]}), {axis: 'index'}))"),
    ('align_04', "df = pd.DataFrame({'a': [3, 1, 2], 'b': ['x', 'y', 'z']}); s = df['a'].sort_values(); print(s); print(df[s > 1]); print(df.loc[s > 1, 'b']); t = df['a'].copy(); t[s.sort_values(ascending=False) > 2] = 0; print(t); print(pd.Series([True, False], index=[0, 1]) | pd.Series([True, False], index=[1, 2]))",
     "let df = new pd.DataFrame({'a': [3, 1, 2], 'b': ['x', 'y', 'z']}); let s = df['a'].sort_values(); print(s); print(df[s > 1]); print(df.loc[s > 1, 'b']); let t = df['a'].copy(); t[s.sort_values({ascending: false}) > 2] = 0; print(t); print(new pd.Series([true, false], {index: [0, 1]}) | new pd.Series([true, false], {index: [1, 2]}))"),
    ('align_05', "print(pd.concat([pd.Series([1, 2], index=['a', 'b'], name='x'), pd.Series([3., 4], index=['b', 'c'], name='y')], axis=1)); print(pd.concat([pd.DataFrame({'a': [1, 2]}, index=[1, 0]), pd.DataFrame({'b': [3, 4]}, index=[0, 2])], axis=1)); print(pd.concat([pd.Series([1, 2]), pd.Series([3, 4], index=[1, 2])], axis=1)); print(pd.Series(['x', 'y'], index=[0, 1]) + pd.Series(['p', 'q'], index=[1, 2])); print((pd.Series([1, 2], index=[0, 1]) + pd.Series([1.5, 2], index=[1, 2])).index)",
     "print(pd.concat([new pd.Series([1, 2], {index: ['a', 'b'], name: 'x'}), new pd.Series([3., 4], {index: ['b', 'c'], name: 'y'})], {axis: 1})); print(pd.concat([new pd.DataFrame({'a': [1, 2]}, {index: [1, 0]}), new pd.DataFrame({'b': [3, 4]}, {index: [0, 2]})], {axis: 1})); print(pd.concat([new pd.Series([1, 2]), new pd.Series([3, 4], {index: [1, 2]})], {axis: 1})); print(new pd.Series(['x', 'y'], {index: [0, 1]}) + new pd.Series(['p', 'q'], {index: [1, 2]})); print((new pd.Series([1, 2], {index: [0, 1]}) + new pd.Series([1.5, 2], {index: [1, 2]})).index)"),
    ('align_error_01', "s1 = pd.Series([1, 2, 3], index=['a', 'b', 'c']); s2 = pd.Series([10, 20, 30], index=['b', 'c', 'd']); print(s1 == s2)",
     "let s1 = new pd.Series([1, 2, 3], {index: ['a', 'b', 'c']}); let s2 = new pd.Series([10, 20, 30], {index: ['b', 'c', 'd']}); print(s1 == s2)"),
    ('align_error_02', "s1 = pd.Series([1, 2], index=['a', 'b']); print(s1 < pd.Series([1, 2], index=['b', 'a']))",
     "let s1 = new pd.Series([1, 2], {index: ['a', 'b']}); print(s1 < new pd.Series([1, 2], {index: ['b', 'a']}))"),
    ('align_error_03', "df = pd.DataFrame({'a': [1, 2]}); print(df == pd.DataFrame({'a': [1, 2]}, index=[1, 2]))",
     "let df = new pd.DataFrame({'a': [1, 2]}); print(df == new pd.DataFrame({'a': [1, 2]}, {index: [1, 2]}))"),
    ('align_error_04', "df = pd.DataFrame({'a': [3, 1, 2]}); print(df[pd.Series([True, False], index=[0, 1])])",
     "let df = new pd.DataFrame({'a': [3, 1, 2]}); print(df[new pd.Series([true, false], {index: [0, 1]})])"),
    # dtype inference of the constructors
    ('dtype_01', "print(pd.Series([1.0, 2.0])); print(pd.Series([1, 2.5]).dtype, pd.Series([1, 2]).dtype, pd.Series([True, False]).dtype, pd.Series([1, None]).dtype, pd.Series([1.0, np.nan]).dtype, pd.Series(['a', None]).dtype, pd.Series(['a', 1]).dtype, pd.Series([True, None]).dtype); print(pd.Series({'a': 1.0, 'b': 2}))",
     "print(new pd.Series([1.0, 2.0])); print(new pd.Series([1, 2.5]).dtype, new pd.Series([1, 2]).dtype, new pd.Series([true, false]).dtype, new pd.Series([1, null]).dtype, new pd.Series([1.0, NaN]).dtype, new pd.Series(['a', null]).dtype, new pd.Series(['a', 1]).dtype, new pd.Series([true, null]).dtype); print(new pd.Series({'a': 1.0, 'b': 2}))"),
    ('dtype_02', "df = pd.DataFrame({'a': [1, 2], 'b': [4., 5.], 'c': [1.0, None], 'd': ['x', 'y'], 'e': [True, False]}); print(df); print(df.dtypes); print(pd.DataFrame([[1.0, 2], [3.0, 4]]).dtypes); print(pd.Series([1, 2], index=[1.0, 2.0]))",
     "let df = new pd.DataFrame({'a': [1, 2], 'b': [4., 5.], 'c': [1.0, null], 'd': ['x', 'y'], 'e': [true, false]}); print(df); print(df.dtypes); print(new pd.DataFrame([[1.0, 2], [3.0, 4]]).dtypes); print(new pd.Series([1, 2], {index: [1.0, 2.0]}))"),
    # the HTML table Jupyter shows for a frame (pandas' _repr_html_), long and wide ones truncated
    ('html_01', "df = pd.DataFrame({'a': [1, 2], 'b': [0.5, np.nan], 'c': ['x', '<y>&']}); print(df._repr_html_()); df.index.name = 'idx'; print(df._repr_html_())",
     "let df = new pd.DataFrame({'a': [1, 2], 'b': [0.5, NaN], 'c': ['x', '<y>&']}); print(df._repr_html_()); df.index.name = 'idx'; print(df._repr_html_())"),
    ('html_02', "print(pd.DataFrame(np.arange(100 * 25).reshape(100, 25) * 1.5)._repr_html_()); print(pd.DataFrame({'a': []})._repr_html_())",
     "print(new pd.DataFrame(np.arange(100 * 25).reshape(100, 25) * 1.5)._repr_html_()); print(new pd.DataFrame({'a': []})._repr_html_())"),
    # columns as attributes, and what a tutorial does next
    ('attr_01', "df = pd.DataFrame({'Age': [22.0, np.nan, 30], 'Fare': [7.25, 71.5, 8.05]}); df.Age = df.Age.fillna(df.Age.median()); print(df); print(df.Fare * 2); print(df[df.Age > 25].Fare)",
     "let df = new pd.DataFrame({'Age': [22.0, NaN, 30], 'Fare': [7.25, 71.5, 8.05]}); df.Age = df.Age.fillna(df.Age.median()); print(df); print(df.Fare * 2); print(df[df.Age > 25].Fare)"),
    ('misc_01', "df = pd.DataFrame({'a': [1, 2, 3, 4], 'b': [0.5, 1.5, np.nan, 2.0], 'c': ['x', 'y', 'z', 'w']}); print(df.isnull().sum()); print(df.iloc[:, 1:2].values.astype(np.float32)); print(df[['a', 'b']].corr()); print(pd.DataFrame({'x': [1, 2, 3, 4], 'y': [2, 1, 4, 3], 'z': [True, False, True, True]}).corr())",
     "let df = new pd.DataFrame({'a': [1, 2, 3, 4], 'b': [0.5, 1.5, NaN, 2.0], 'c': ['x', 'y', 'z', 'w']}); print(df.isnull().sum()); print(df.iloc[':', '1:2'].values.astype(np.float32)); print(df[['a', 'b']].corr()); print(new pd.DataFrame({'x': [1, 2, 3, 4], 'y': [2, 1, 4, 3], 'z': [true, false, true, true]}).corr())"),
    ('info_01', "df = pd.DataFrame({'a': [1, 2, 3, 4], 'b': [0.5, 1.5, np.nan, 2.0], 'c': ['x', 'y', 'z', 'w'], 'd': [True] * 4}); df.info(); df.set_index('c').info(); pd.DataFrame({'a': [1, 2]}, index=[5, 7]).info(); pd.DataFrame(np.zeros((3, 120))).info(); pd.DataFrame(np.zeros((200, 3))).info()",
     "let df = new pd.DataFrame({'a': [1, 2, 3, 4], 'b': [0.5, 1.5, NaN, 2.0], 'c': ['x', 'y', 'z', 'w'], 'd': [true, true, true, true]}); df.info(); df.set_index('c').info(); new pd.DataFrame({'a': [1, 2]}, {index: [5, 7]}).info(); new pd.DataFrame(np.zeros([3, 120])).info(); new pd.DataFrame(np.zeros([200, 3])).info()"),
    # a frame with a string column: its values are an array of dtype object (Machine Learning Mastery's CSVDataset)
    ('values_object_01', "df = pd.read_csv(io.StringIO('1,0,0.5,g\\n1,0,-0.25,b\\n0,0,1,g\\n'), header=None); v = df.values; print(repr(v)); print(v); print(v.dtype, repr(v.dtype), v.shape, len(v)); print(repr(v[:, :-1])); print(repr(v[:, -1])); print(v[:, :-1].astype('float32')); print(v[0, 3], v[1, 2], repr(v[0])); print(v.tolist()); print(repr(v.T[1:, ::2]))",
     "let df = pd.read_csv(io.StringIO('1,0,0.5,g\\n1,0,-0.25,b\\n0,0,1,g\\n'), header=None); let v = df.values; print(repr(v)); print(v); print(v.dtype, repr(v.dtype), v.shape, len(v)); print(repr(v[:, :-1])); print(repr(v[:, -1])); print(v[:, :-1].astype('float32')); print(v[0, 3], v[1, 2], repr(v[0])); print(v.tolist()); print(repr(v.T[1:, ::2]))"),
    same('values_object_02', "v = pd.DataFrame({'a': [1.5, 2.0, -3.25] * 200, 'b': ['xy', 'z', 'w'] * 200}).values; print(repr(v)); print(v); print(repr(pd.Series(['a', 'bb']).values)); print(pd.Series(['1.5', '2']).values.astype('float64'))"),
    same('values_object_03', "v = pd.read_csv(io.StringIO('0.12345,-1,0.5,0.12345,-1,0.5,0.12345,-1,0.5,0.12345,-1,0.5,0.12345,-1,0.5,0.12345,-1,0.5,0.12345,-1,0.5,g\\n0.12345,-1,0.5,0.12345,-1,0.5,0.12345,-1,0.5,0.12345,-1,0.5,0.12345,-1,0.5,0.12345,-1,0.5,0.12345,-1,0.5,g\\n'), header=None).values; print(repr(v)); print(v)"),
    same('values_object_error_01', "v = pd.read_csv(io.StringIO('1,0.5,g\\n2,1,b\\n'), header=None).values; print(v.astype('float32'))"),
    # errors
    same('error_01', "df = pd.DataFrame({'a': [1, 2]}); print(df['zz'])"),
    same('error_02', "df = pd.DataFrame({'a': [1, 2], 'b': [3, 4]}); print(df[['a', 'zz']])"),
    same('error_03', "df = pd.DataFrame({'a': [1, 2], 'b': [3, 4]}); print(df[['x', 'zz']])"),
    same('error_04', "df = pd.DataFrame({'a': [1, 2], 'b': [3, 4]}); df['c'] = [1, 2, 3]"),
    same('error_05', "df = pd.DataFrame({'a': [1, 2], 'b': [3, 4]}); df.columns = ['x']"),
    same('error_06', "df = pd.DataFrame({'a': [1, 2]}); print(df.iloc[5])"),
    same('error_07', "pd.DataFrame({'a': [1, 2], 'b': [1]})"),
]

if __name__ == "__main__":
    write_cases(CASES, "pandas.json", {"torch": torch, "pd": pd, "np": np, "io": io})
