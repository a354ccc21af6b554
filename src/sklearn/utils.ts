/** scikit-learn's `sklearn.utils`: shuffle and check_random_state (src/sklearn/_validation.ts). */
export { check_random_state, shuffle } from "./_validation";
