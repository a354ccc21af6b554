/**
 * `sklearn` in the notebook: the parts of scikit-learn 1.2 that PyTorch tutorials use beside PyTorch,
 * over torchlab's NumPy (src/numpy): toy datasets (`sklearn.datasets.make_moons`, `load_iris`), splits
 * (`sklearn.model_selection.train_test_split`, KFold), scalers and encoders (`sklearn.preprocessing`),
 * metrics (`sklearn.metrics.accuracy_score`, `classification_report`) and PCA. Random draws go through
 * NumPy's legacy RandomState as scikit-learn's do, so `random_state: 42` gives scikit-learn's data and
 * splits. Arrays come back as NumPy arrays (`torch.from_numpy(X).float()` makes tensors of them);
 * keyword arguments go in a trailing object (`train_test_split(X, y, {test_size: 0.2, random_state: 42})`).
 */
export * as datasets from "./datasets";
export * as model_selection from "./model_selection";
export * as preprocessing from "./preprocessing";
export * as metrics from "./metrics";
export * as decomposition from "./decomposition";
export * as utils from "./_validation";
export { NotFittedError } from "./base";

export const __version__ = "1.2.1";
