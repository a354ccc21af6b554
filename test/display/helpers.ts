import { setDisplaySink, DisplayMessage, DisplaySink } from "../../src/display/emitter";

/** A sink that records what library code sends, installed for the duration of a test file. */
export interface Recorded {
  message: DisplayMessage;
  update: boolean;
  /** Date.now() when it was sent (fake timers make this exact). */
  at: number;
}

export function recordDisplays(): { sent: Recorded[]; clears: boolean[] } {
  const state = { sent: [] as Recorded[], clears: [] as boolean[] };
  let previous: DisplaySink | null = null;
  beforeEach(() => {
    state.sent.length = 0;
    state.clears.length = 0;
    previous = setDisplaySink({
      display(message, update) {
        state.sent.push({ message, update, at: Date.now() });
      },
      clear_output(wait) {
        state.clears.push(wait);
      },
    });
  });
  afterEach(() => {
    setDisplaySink(previous);
  });
  return state;
}
