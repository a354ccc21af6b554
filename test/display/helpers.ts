import { setDisplaySink, DisplayMessage, DisplaySink } from "../../src/display/emitter";
import { needs_loading, VEGALITE_MIME, VegaLiteSpec } from "../../src/display/vega";
import { checkChartBundle } from "./vega_check";

/** A sink that records what library code sends, installed for the duration of a test file. */
export interface Recorded {
  message: DisplayMessage;
  update: boolean;
  /** Date.now() when it was sent (fake timers make this exact). */
  at: number;
}

/**
 * Every chart a test makes the library send is checked as a front end would draw it (see
 * vega_check.ts): no vega warning, finite scales, the SVG is vega's drawing of the spec.
 */
export function recordDisplays(): { sent: Recorded[]; clears: boolean[] } {
  const state = { sent: [] as Recorded[], clears: [] as boolean[] };
  let previous: DisplaySink | null = null;
  beforeEach(() => {
    state.sent.length = 0;
    state.clears.length = 0;
    previous = setDisplaySink({
      display(message, update) {
        // A spec that loads a URL is checked by its own test, asynchronously.
        const spec = message.data[VEGALITE_MIME] as VegaLiteSpec | undefined;
        if (spec !== undefined && !needs_loading(spec)) checkChartBundle(message.data);
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
