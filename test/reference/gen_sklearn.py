"""Python 3.11 / scikit-learn 1.2.1 / NumPy 1.24 / PyTorch 1.13 references for test/api/sklearn.test.ts:
the notebook's `sklearn` (src/sklearn) against scikit-learn. Each case is one Python line and its dialect
spelling; the suite runs the dialect cells through `torchlab run` and compares what they print with what
Python printed (or the error's type and message): the dataset generators draw for draw (random_state as
an int, a RandomState and None), the bundled loaders, train_test_split and the K-fold splitters, the
scalers and encoders, the metrics (the classification report's text included) and PCA. Run with
Debian's /usr/bin/python3 from test/reference: writes sklearn.json.
"""
import sys
import warnings

import numpy as np
import sklearn
import sklearn.datasets
import sklearn.decomposition
import sklearn.metrics
import sklearn.model_selection
import sklearn.preprocessing
import sklearn.utils
import torch

from gen_py_sweep import write_cases

assert sklearn.__version__ == "1.2.1", sklearn.__version__
assert np.__version__.startswith("1.24"), np.__version__
assert torch.__version__.startswith("1.13"), torch.__version__
assert sys.version_info[:2] == (3, 11), sys.version
# scikit-learn's warnings (zero division, the deprecated `sparse`) go to stderr, which the cases do not compare.
warnings.simplefilter("ignore")

D, MS, PP, M = "sklearn.datasets", "sklearn.model_selection", "sklearn.preprocessing", "sklearn.metrics"

CASES = [
    # datasets: the generators draw what scikit-learn draws
    ('moons_01', f'X, y = {D}.make_moons(8, random_state=0); print(X); print(y, X.dtype, y.dtype)',
     f'let [X, y] = {D}.make_moons(8, {{random_state: 0}}); print(X); print(y, X.dtype, y.dtype)'),
    ('moons_02', f'X, y = {D}.make_moons(n_samples=6, noise=0.1, random_state=42); print(X); print(y)',
     f'let [X, y] = {D}.make_moons({{n_samples: 6, noise: 0.1, random_state: 42}}); print(X); print(y)'),
    ('moons_03', f'rs = np.random.RandomState(3); X, y = {D}.make_moons(5, noise=0.2, random_state=rs); print(X, y, rs.randint(100))',
     f'let rs = np.random.RandomState(3); let [X, y] = {D}.make_moons(5, {{noise: 0.2, random_state: rs}}); print(X, y, rs.randint(100))'),
    ('moons_04', f'np.random.seed(1); X, y = {D}.make_moons(4, noise=0.1); print(X, y, np.random.randint(100))',
     f'np.random.seed(1); let [X, y] = {D}.make_moons(4, {{noise: 0.1}}); print(X, y, np.random.randint(100))'),
    ('moons_05', f'X, y = {D}.make_moons((2, 3), shuffle=False); print(X); print(y)',
     f'let [X, y] = {D}.make_moons([2, 3], {{shuffle: false}}); print(X); print(y)'),
    ('circles_01', f'X, y = {D}.make_circles(8, noise=0.05, factor=0.5, random_state=1); print(X); print(y)',
     f'let [X, y] = {D}.make_circles(8, {{noise: 0.05, factor: 0.5, random_state: 1}}); print(X); print(y)'),
    ('circles_02', f'{D}.make_circles(10, factor=1.0)',
     f'{D}.make_circles(10, {{factor: 1.0}})'),
    ('blobs_01', f'X, y = {D}.make_blobs(n_samples=7, centers=3, n_features=2, random_state=0); print(X); print(y)',
     f'let [X, y] = {D}.make_blobs({{n_samples: 7, centers: 3, n_features: 2, random_state: 0}}); print(X); print(y)'),
    ('blobs_02', f'X, y, c = {D}.make_blobs(5, centers=[[1, 1], [-1, -1]], cluster_std=0.5, random_state=2, return_centers=True); print(X); print(y, c)',
     f'let [X, y, c] = {D}.make_blobs(5, {{centers: [[1, 1], [-1, -1]], cluster_std: 0.5, random_state: 2, return_centers: true}}); print(X); print(y, c)'),
    ('blobs_03', f'X, y = {D}.make_blobs([2, 3], n_features=3, cluster_std=[0.1, 2.0], random_state=5, shuffle=False); print(X); print(y)',
     f'let [X, y] = {D}.make_blobs([2, 3], 3, {{cluster_std: [0.1, 2.0], random_state: 5, shuffle: false}}); print(X); print(y)'),
    ('blobs_04', f'{D}.make_blobs(10, centers=[[1, 2]], cluster_std=[1, 2])',
     f'{D}.make_blobs(10, {{centers: [[1, 2]], cluster_std: [1, 2]}})'),
    ('blobs_05', f'{D}.make_moons(5, random_state=1.5)',
     f'{D}.make_moons(5, {{random_state: 1.5}})'),
    ('classification_01', f'X, y = {D}.make_classification(n_samples=6, n_features=4, n_informative=2, n_redundant=0, random_state=0); print(X); print(y)',
     f'let [X, y] = {D}.make_classification({{n_samples: 6, n_features: 4, n_informative: 2, n_redundant: 0, random_state: 0}}); print(X); print(y)'),
    ('classification_02', f'X, y = {D}.make_classification(n_samples=5, random_state=1); print(X.shape, y); print(np.round(X[:2], 4))',
     f'let [X, y] = {D}.make_classification({{n_samples: 5, random_state: 1}}); print(X.shape, y); print(np.round(X.get(":2"), 4))'),
    ('classification_03', f'X, y = {D}.make_classification(10, 5, n_classes=3, n_informative=3, n_redundant=1, n_repeated=1, n_clusters_per_class=1, flip_y=0.2, random_state=7); print(np.round(X, 5)); print(y)',
     f'let [X, y] = {D}.make_classification(10, 5, {{n_classes: 3, n_informative: 3, n_redundant: 1, n_repeated: 1, n_clusters_per_class: 1, flip_y: 0.2, random_state: 7}}); print(np.round(X, 5)); print(y)'),
    ('classification_04', f'X, y = {D}.make_classification(8, 3, n_informative=2, n_redundant=0, weights=[0.75], shift=None, scale=None, hypercube=False, random_state=3); print(np.round(X, 5)); print(y)',
     f'let [X, y] = {D}.make_classification(8, 3, {{n_informative: 2, n_redundant: 0, weights: [0.75], shift: null, scale: null, hypercube: false, random_state: 3}}); print(np.round(X, 5)); print(y)'),
    ('classification_05', f'{D}.make_classification(10, 4, n_informative=1, n_redundant=0)',
     f'{D}.make_classification(10, 4, {{n_informative: 1, n_redundant: 0}})'),
    ('regression_01', f'X, y = {D}.make_regression(n_samples=5, n_features=3, noise=1.0, random_state=0); print(X); print(y)',
     f'let [X, y] = {D}.make_regression({{n_samples: 5, n_features: 3, noise: 1.0, random_state: 0}}); print(X); print(y)'),
    ('regression_02', f'X, y, w = {D}.make_regression(4, 3, n_informative=1, n_targets=2, bias=2.5, coef=True, random_state=1); print(X); print(y); print(w)',
     f'let [X, y, w] = {D}.make_regression(4, 3, {{n_informative: 1, n_targets: 2, bias: 2.5, coef: true, random_state: 1}}); print(X); print(y); print(w)'),
    ('iris_01', f'iris = {D}.load_iris(); print(iris.data.shape, iris.target.shape, iris.feature_names, list(iris.target_names)); print(iris.data[:3]); print(iris.target[::25], iris["target"].dtype)',
     f'let iris = {D}.load_iris(); print(iris.data.shape, iris.target.shape, iris.feature_names, list(iris.target_names)); print(iris.data.get(":3")); print(iris.target.get("::25"), iris["target"].dtype)'),
    ('iris_02', f'X, y = {D}.load_iris(return_X_y=True); print(X.mean(axis=0), X.max(), y.sum(), X.dtype)',
     f'let [X, y] = {D}.load_iris({{return_X_y: true}}); print(X.mean({{axis: 0}}), X.max(), y.sum(), X.dtype)'),
    ('digits_01', f'd = {D}.load_digits(); print(d.data.shape, d.images.shape, d.target[:12], d.feature_names[:3], d.target_names); print(d.images[0])',
     f'let d = {D}.load_digits(); print(d.data.shape, d.images.shape, d.target.get(":12"), d.feature_names.slice(0, 3), d.target_names); print(d.images.get(0))'),
    ('digits_02', f'X, y = {D}.load_digits(n_class=3, return_X_y=True); print(X.shape, y[:10], X.mean())',
     f'let [X, y] = {D}.load_digits({{n_class: 3, return_X_y: true}}); print(X.shape, y.get(":10"), X.mean())'),
    # model_selection
    ('split_01', f'X = np.arange(20).reshape(10, 2); y = np.arange(10); Xtr, Xte, ytr, yte = {MS}.train_test_split(X, y, test_size=0.3, random_state=42); print(Xtr); print(Xte, ytr, yte)',
     f'let X = np.arange(20).reshape(10, 2); let y = np.arange(10); let [Xtr, Xte, ytr, yte] = {MS}.train_test_split(X, y, {{test_size: 0.3, random_state: 42}}); print(Xtr); print(Xte, ytr, yte)'),
    ('split_02', f'a, b = {MS}.train_test_split(list(range(8)), random_state=0); print(a, b)',
     f'let [a, b] = {MS}.train_test_split(list(range(8)), {{random_state: 0}}); print(a, b)'),
    ('split_03', f'X = torch.arange(12.).reshape(6, 2); y = torch.tensor([0, 1, 0, 1, 1, 0]); Xtr, Xte, ytr, yte = {MS}.train_test_split(X, y, train_size=4, random_state=1); print(Xtr, Xte, ytr, yte)',
     f'let X = torch.arange(12.).reshape(6, 2); let y = torch.tensor([0, 1, 0, 1, 1, 0]); let [Xtr, Xte, ytr, yte] = {MS}.train_test_split(X, y, {{train_size: 4, random_state: 1}}); print(Xtr, Xte, ytr, yte)'),
    ('split_04', f'y = np.array([0] * 6 + [1] * 4); a, b = {MS}.train_test_split(np.arange(10), stratify=y, test_size=0.5, random_state=0); print(a, b, y[b])',
     f'let y = np.array([0, 0, 0, 0, 0, 0, 1, 1, 1, 1]); let [a, b] = {MS}.train_test_split(np.arange(10), {{stratify: y, test_size: 0.5, random_state: 0}}); print(a, b, y.get(b))'),
    ('split_05', f'X, y = {D}.load_iris(return_X_y=True); Xtr, Xte, ytr, yte = {MS}.train_test_split(X, y, test_size=0.2, stratify=y, random_state=42); print(Xtr.shape, Xte.shape, yte, Xte[:2])',
     f'let [X, y] = {D}.load_iris({{return_X_y: true}}); let [Xtr, Xte, ytr, yte] = {MS}.train_test_split(X, y, {{test_size: 0.2, stratify: y, random_state: 42}}); print(Xtr.shape, Xte.shape, yte, Xte.get(":2"))'),
    ('split_06', f'y = [0, 1, 2, 0, 1, 2, 0, 1, 2, 2, 1]; a, b = {MS}.train_test_split(np.arange(11), stratify=y, test_size=4, random_state=3); print(a, b)',
     f'let y = [0, 1, 2, 0, 1, 2, 0, 1, 2, 2, 1]; let [a, b] = {MS}.train_test_split(np.arange(11), {{stratify: y, test_size: 4, random_state: 3}}); print(a, b)'),
    ('split_07', f'print({MS}.train_test_split(np.arange(6), np.arange(6) * 10, shuffle=False, test_size=2))',
     f'print({MS}.train_test_split(np.arange(6), np.arange(6).mul(10), {{shuffle: false, test_size: 2}}))'),
    ('split_08', f'np.random.seed(0); a, b = {MS}.train_test_split(np.arange(6), test_size=3, train_size=2); print(a, b)',
     f'np.random.seed(0); let [a, b] = {MS}.train_test_split(np.arange(6), {{test_size: 3, train_size: 2}}); print(a, b)'),
    ('split_09', f'{MS}.train_test_split(np.zeros((100, 2)), np.zeros(99))',
     f'{MS}.train_test_split(np.zeros([100, 2]), np.zeros(99))'),
    ('split_10', f'{MS}.train_test_split(np.arange(10), test_size=1.5)',
     f'{MS}.train_test_split(np.arange(10), {{test_size: 1.5}})'),
    ('split_11', f'{MS}.train_test_split(np.arange(4), stratify=[0, 0, 0, 1], test_size=2)',
     f'{MS}.train_test_split(np.arange(4), {{stratify: [0, 0, 0, 1], test_size: 2}})'),
    ('split_12', f'{MS}.train_test_split(np.arange(10), test_size=6, train_size=5)',
     f'{MS}.train_test_split(np.arange(10), {{test_size: 6, train_size: 5}})'),
    ('kfold_01', f'kf = {MS}.KFold(3)\nfor tr, te in kf.split(np.arange(7)): print(tr, te)\nprint(kf, kf.get_n_splits())',
     f'let kf = {MS}.KFold(3);\nfor (let [tr, te] of kf.split(np.arange(7))) print(tr, te);\nprint(kf, kf.get_n_splits())'),
    ('kfold_02', f'kf = {MS}.KFold(n_splits=4, shuffle=True, random_state=0)\nfor tr, te in kf.split(np.zeros((9, 2))): print(tr, te)\nprint(kf)',
     f'let kf = {MS}.KFold({{n_splits: 4, shuffle: true, random_state: 0}});\nfor (let [tr, te] of kf.split(np.zeros([9, 2]))) print(tr, te);\nprint(kf)'),
    ('kfold_03', f'{MS}.KFold(3, random_state=1)',
     f'{MS}.KFold(3, {{random_state: 1}})'),
    ('kfold_04', f'list({MS}.KFold(5).split(np.arange(3)))',
     f'list({MS}.KFold(5).split(np.arange(3)))'),
    ('kfold_05', f'{MS}.KFold(1)',
     f'{MS}.KFold(1)'),
    ('skfold_01', f'y = np.array([1, 1, 0, 0, 1, 0, 2, 2, 2, 1, 0, 1])\nfor tr, te in {MS}.StratifiedKFold(3).split(np.zeros(12), y): print(tr, te, y[te])',
     f'let y = np.array([1, 1, 0, 0, 1, 0, 2, 2, 2, 1, 0, 1]);\nfor (let [tr, te] of {MS}.StratifiedKFold(3).split(np.zeros(12), y)) print(tr, te, y.get(te))'),
    ('skfold_02', f'y = [0, 1, 0, 1, 0, 1, 0, 0, 1, 1]\nskf = {MS}.StratifiedKFold(n_splits=2, shuffle=True, random_state=1)\nfor tr, te in skf.split(np.zeros((10, 1)), y): print(tr, te)\nprint(skf)',
     f'let y = [0, 1, 0, 1, 0, 1, 0, 0, 1, 1];\nlet skf = {MS}.StratifiedKFold({{n_splits: 2, shuffle: true, random_state: 1}});\nfor (let [tr, te] of skf.split(np.zeros([10, 1]), y)) print(tr, te);\nprint(skf)'),
    ('skfold_03', f'list({MS}.StratifiedKFold(3).split(np.zeros(4), [0, 0, 1, 1]))',
     f'list({MS}.StratifiedKFold(3).split(np.zeros(4), [0, 0, 1, 1]))'),
    # preprocessing
    ('standard_01', f'X = np.array([[1., 2.], [3., 6.], [5., 4.]]); s = {PP}.StandardScaler(); Xs = s.fit_transform(X); print(Xs); print(s.mean_, s.var_, s.scale_, s.n_samples_seen_); print(s.inverse_transform(Xs), s.transform([[0., 0.]]))',
     f'let X = np.array([[1., 2.], [3., 6.], [5., 4.]]); let s = {PP}.StandardScaler(); let Xs = s.fit_transform(X); print(Xs); print(s.mean_, s.var_, s.scale_, s.n_samples_seen_); print(s.inverse_transform(Xs), s.transform([[0., 0.]]))'),
    ('standard_02', f's = {PP}.StandardScaler(); print(s.fit_transform([[1, 2], [1, 4], [1, 9]]), s.scale_); print(repr({PP}.StandardScaler().fit_transform(np.array([[1.5, 2], [1, 4]], dtype=np.float32))))',
     f'let s = {PP}.StandardScaler(); print(s.fit_transform([[1, 2], [1, 4], [1, 9]]), s.scale_); print(repr({PP}.StandardScaler().fit_transform(np.array([[1.5, 2], [1, 4]], {{dtype: np.float32}}))))'),
    ('standard_03', f'X, _ = {D}.load_iris(return_X_y=True); s = {PP}.StandardScaler().fit(X); print(s.mean_, s.scale_); print(s.transform(X[:2])); print({PP}.StandardScaler(with_mean=False).fit(X).transform(X[:1]), {PP}.StandardScaler(with_std=False))',
     f'let [X, _] = {D}.load_iris({{return_X_y: true}}); let s = {PP}.StandardScaler().fit(X); print(s.mean_, s.scale_); print(s.transform(X.get(":2"))); print({PP}.StandardScaler({{with_mean: false}}).fit(X).transform(X.get(":1")), {PP}.StandardScaler({{with_std: false}}))'),
    ('standard_04', f'{PP}.StandardScaler().transform([[1., 2.]])',
     f'{PP}.StandardScaler().transform([[1., 2.]])'),
    ('standard_05', f'{PP}.StandardScaler().fit([[1., 2.], [3., 4.]]).transform([[1., 2., 3.]])',
     f'{PP}.StandardScaler().fit([[1., 2.], [3., 4.]]).transform([[1., 2., 3.]])'),
    ('standard_06', f'{PP}.StandardScaler().fit(np.array([1., 2., 3.]))',
     f'{PP}.StandardScaler().fit(np.array([1., 2., 3.]))'),
    ('standard_07', f'{PP}.StandardScaler().fit([["a", "b"]])',
     f'{PP}.StandardScaler().fit([["a", "b"]])'),
    ('minmax_01', f'X = np.array([[-1, 2], [-0.5, 6], [0, 10], [1, 18]]); m = {PP}.MinMaxScaler(); print(m.fit_transform(X)); print(m.data_min_, m.data_max_, m.data_range_, m.scale_, m.min_); print(m.transform([[2, 2]]), m.inverse_transform([[0.5, 0.5]]))',
     f'let X = np.array([[-1, 2], [-0.5, 6], [0, 10], [1, 18]]); let m = {PP}.MinMaxScaler(); print(m.fit_transform(X)); print(m.data_min_, m.data_max_, m.data_range_, m.scale_, m.min_); print(m.transform([[2, 2]]), m.inverse_transform([[0.5, 0.5]]))'),
    ('minmax_02', f'm = {PP}.MinMaxScaler(feature_range=(-1, 1), clip=True).fit([[0., 5.], [4., 5.]]); print(m, m.transform([[2., 5.], [8., 1.]]), m.scale_)',
     f'let m = {PP}.MinMaxScaler({{feature_range: [-1, 1], clip: true}}).fit([[0., 5.], [4., 5.]]); print(m, m.transform([[2., 5.], [8., 1.]]), m.scale_)'),
    ('minmax_03', f'{PP}.MinMaxScaler(feature_range=(1, 0)).fit([[0.], [1.]])',
     f'{PP}.MinMaxScaler({{feature_range: [1, 0]}}).fit([[0.], [1.]])'),
    ('label_01', f'le = {PP}.LabelEncoder(); print(le.fit_transform([3, 1, 3, 7]), le.classes_, le.inverse_transform([0, 2]), le)',
     f'let le = {PP}.LabelEncoder(); print(le.fit_transform([3, 1, 3, 7]), le.classes_, le.inverse_transform([0, 2]), le)'),
    ('label_02', f'le = {PP}.LabelEncoder().fit(["paris", "tokyo", "paris", "amsterdam"]); print(le.transform(["tokyo", "amsterdam"]), list(le.classes_), list(le.inverse_transform([1, 0])))',
     f'let le = {PP}.LabelEncoder().fit(["paris", "tokyo", "paris", "amsterdam"]); print(le.transform(["tokyo", "amsterdam"]), list(le.classes_), list(le.inverse_transform([1, 0])))'),
    ('label_03', f'{PP}.LabelEncoder().fit([1, 2]).transform([5, 1, 7])',
     f'{PP}.LabelEncoder().fit([1, 2]).transform([5, 1, 7])'),
    ('onehot_01', f'e = {PP}.OneHotEncoder(sparse_output=False); print(e.fit_transform([[0], [2], [1], [2]]), e.categories_, list(e.get_feature_names_out()))',
     f'let e = {PP}.OneHotEncoder({{sparse_output: false}}); print(e.fit_transform([[0], [2], [1], [2]]), e.categories_, list(e.get_feature_names_out()))'),
    ('onehot_02', f'e = {PP}.OneHotEncoder(sparse=False, handle_unknown="ignore").fit([["red", "S"], ["blue", "M"], ["red", "L"]]); print(e.transform([["blue", "L"], ["green", "S"]]), list(e.get_feature_names_out(["color", "size"])))',
     f'let e = {PP}.OneHotEncoder({{sparse: false, handle_unknown: "ignore"}}).fit([["red", "S"], ["blue", "M"], ["red", "L"]]); print(e.transform([["blue", "L"], ["green", "S"]]), list(e.get_feature_names_out(["color", "size"])))'),
    ('onehot_03', f'{PP}.OneHotEncoder(sparse_output=False).fit([[1], [2]]).transform([[5]])',
     f'{PP}.OneHotEncoder({{sparse_output: false}}).fit([[1], [2]]).transform([[5]])'),
    ('poly_01', f'p = {PP}.PolynomialFeatures(2); print(p.fit_transform(np.array([[1., 2.], [3., 4.]])), p.powers_, list(p.get_feature_names_out()), p.n_output_features_)',
     f'let p = {PP}.PolynomialFeatures(2); print(p.fit_transform(np.array([[1., 2.], [3., 4.]])), p.powers_, list(p.get_feature_names_out()), p.n_output_features_)'),
    ('poly_02', f'p = {PP}.PolynomialFeatures(degree=3, interaction_only=True, include_bias=False); print(p.fit_transform([[2., 3., 5.]]), list(p.get_feature_names_out(["a", "b", "c"])), p)',
     f'let p = {PP}.PolynomialFeatures({{degree: 3, interaction_only: true, include_bias: false}}); print(p.fit_transform([[2., 3., 5.]]), list(p.get_feature_names_out(["a", "b", "c"])), p)'),
    # metrics
    ('accuracy_01', f'print({M}.accuracy_score([0, 1, 2, 3], [0, 2, 1, 3]), {M}.accuracy_score([0, 1, 2, 3], [0, 2, 1, 3], normalize=False))',
     f'print({M}.accuracy_score([0, 1, 2, 3], [0, 2, 1, 3]), {M}.accuracy_score([0, 1, 2, 3], [0, 2, 1, 3], {{normalize: false}}))'),
    ('accuracy_02', f'print({M}.accuracy_score(torch.tensor([1, 0, 1]), torch.tensor([[0.1, 0.9], [0.2, 0.8], [0.3, 0.7]]).argmax(1)), {M}.accuracy_score(np.array([1, 0, 1]), [True, False, False]))',
     f'print({M}.accuracy_score(torch.tensor([1, 0, 1]), torch.tensor([[0.1, 0.9], [0.2, 0.8], [0.3, 0.7]]).argmax(1)), {M}.accuracy_score(np.array([1, 0, 1]), [true, false, false]))'),
    ('accuracy_03', f'{M}.accuracy_score([0, 1], [0.5, 1])',
     f'{M}.accuracy_score([0, 1], [0.5, 1])'),
    ('accuracy_04', f'{M}.accuracy_score([0, 1, 1], [0, 1])',
     f'{M}.accuracy_score([0, 1, 1], [0, 1])'),
    ('confusion_01', f'yt = [2, 0, 2, 2, 0, 1]; yp = [0, 0, 2, 2, 0, 2]; print({M}.confusion_matrix(yt, yp)); print({M}.confusion_matrix(yt, yp, normalize="true")); print({M}.confusion_matrix(yt, yp, labels=[2, 0]))',
     f'let yt = [2, 0, 2, 2, 0, 1]; let yp = [0, 0, 2, 2, 0, 2]; print({M}.confusion_matrix(yt, yp)); print({M}.confusion_matrix(yt, yp, {{normalize: "true"}})); print({M}.confusion_matrix(yt, yp, {{labels: [2, 0]}}))'),
    ('confusion_02', f'print({M}.confusion_matrix(["cat", "ant", "cat", "bird"], ["ant", "ant", "cat", "cat"]), {M}.confusion_matrix([0, 1, 1], [1, 1, 1], normalize="pred"))',
     f'print({M}.confusion_matrix(["cat", "ant", "cat", "bird"], ["ant", "ant", "cat", "cat"]), {M}.confusion_matrix([0, 1, 1], [1, 1, 1], {{normalize: "pred"}}))'),
    ('prf_01', f'yt = [0, 1, 1, 0, 1, 1]; yp = [0, 1, 0, 0, 1, 1]; print(f"{{{M}.precision_score(yt, yp):.6f}}", {M}.recall_score(yt, yp), {M}.f1_score(yt, yp), {M}.f1_score(yt, yp, pos_label=0))',
     f'let yt = [0, 1, 1, 0, 1, 1]; let yp = [0, 1, 0, 0, 1, 1]; print(`${{{M}.precision_score(yt, yp).toFixed(6)}}`, {M}.recall_score(yt, yp), {M}.f1_score(yt, yp), {M}.f1_score(yt, yp, {{pos_label: 0}}))'),
    ('prf_02', f'yt = [0, 1, 2, 0, 1, 2, 2]; yp = [0, 2, 1, 0, 0, 2, 2]\nfor a in ["micro", "macro", "weighted", None]: print(a, {M}.precision_score(yt, yp, average=a), {M}.recall_score(yt, yp, average=a), {M}.f1_score(yt, yp, average=a))',
     f'let yt = [0, 1, 2, 0, 1, 2, 2]; let yp = [0, 2, 1, 0, 0, 2, 2];\nfor (let a of ["micro", "macro", "weighted", null] as const) print(a, {M}.precision_score(yt, yp, {{average: a}}), {M}.recall_score(yt, yp, {{average: a}}), {M}.f1_score(yt, yp, {{average: a}}))'),
    ('prf_03', f'print({M}.precision_recall_fscore_support([0, 1, 2, 2], [0, 2, 2, 2])); print(f"{{{M}.precision_score([0, 1, 1], [0, 0, 0]):.1f}}", {M}.f1_score([1, 2, 2], [1, 1, 2], labels=[2], average="macro"))',
     f'print({M}.precision_recall_fscore_support([0, 1, 2, 2], [0, 2, 2, 2])); print(`${{{M}.precision_score([0, 1, 1], [0, 0, 0]).toFixed(1)}}`, {M}.f1_score([1, 2, 2], [1, 1, 2], {{labels: [2], average: "macro"}}))'),
    ('prf_04', f'{M}.f1_score([0, 1, 2], [0, 1, 1])',
     f'{M}.f1_score([0, 1, 2], [0, 1, 1])'),
    ('prf_05', f'{M}.precision_score([2, 3, 3], [2, 2, 3])',
     f'{M}.precision_score([2, 3, 3], [2, 2, 3])'),
    ('report_01', f'print({M}.classification_report([0, 1, 2, 2, 2, 0, 1, 1], [0, 0, 2, 2, 1, 0, 1, 2]))',
     f'print({M}.classification_report([0, 1, 2, 2, 2, 0, 1, 1], [0, 0, 2, 2, 1, 0, 1, 2]))'),
    ('report_02', f'print({M}.classification_report([0, 1, 2, 2, 0], [0, 0, 2, 2, 0], target_names=["setosa", "versicolor", "virginica"], digits=3))',
     f'print({M}.classification_report([0, 1, 2, 2, 0], [0, 0, 2, 2, 0], {{target_names: ["setosa", "versicolor", "virginica"], digits: 3}}))'),
    ('report_03', f'print({M}.classification_report(["spam", "ham", "ham", "spam", "ham", "ham", "ham", "spam"], ["spam", "ham", "spam", "spam", "ham", "ham", "ham", "ham"]))',
     f'print({M}.classification_report(["spam", "ham", "ham", "spam", "ham", "ham", "ham", "spam"], ["spam", "ham", "spam", "spam", "ham", "ham", "ham", "ham"]))'),
    ('report_04', f'print({M}.classification_report([1, 2, 3, 3], [1, 3, 3, 3], labels=[1, 3]))',
     f'print({M}.classification_report([1, 2, 3, 3], [1, 3, 3, 3], {{labels: [1, 3]}}))'),
    ('report_05', f'{M}.classification_report([0, 1, 2], [0, 1, 1], target_names=["a", "b"])',
     f'{M}.classification_report([0, 1, 2], [0, 1, 1], {{target_names: ["a", "b"]}})'),
    ('regression_metrics_01', f'yt = [3, -0.5, 2, 7]; yp = [2.5, 0.0, 2, 8]; print({M}.mean_squared_error(yt, yp), {M}.mean_squared_error(yt, yp, squared=False), {M}.mean_absolute_error(yt, yp), {M}.r2_score(yt, yp))',
     f'let yt = [3, -0.5, 2, 7]; let yp = [2.5, 0.0, 2, 8]; print({M}.mean_squared_error(yt, yp), {M}.mean_squared_error(yt, yp, {{squared: false}}), {M}.mean_absolute_error(yt, yp), {M}.r2_score(yt, yp))'),
    ('regression_metrics_02', f'yt = np.array([[0.5, 1], [-1, 1], [7, -6]]); yp = np.array([[0, 2], [-1, 2], [8, -5]]); print({M}.mean_squared_error(yt, yp), {M}.mean_squared_error(yt, yp, multioutput="raw_values"), {M}.mean_absolute_error(yt, yp, multioutput="raw_values"), {M}.r2_score(yt, yp))',
     f'let yt = np.array([[0.5, 1], [-1, 1], [7, -6]]); let yp = np.array([[0, 2], [-1, 2], [8, -5]]); print({M}.mean_squared_error(yt, yp), {M}.mean_squared_error(yt, yp, {{multioutput: "raw_values"}}), {M}.mean_absolute_error(yt, yp, {{multioutput: "raw_values"}}), {M}.r2_score(yt, yp))'),
    ('regression_metrics_03', f'print({M}.r2_score(np.array([1., 2., 3.]), torch.tensor([1., 2., 3.5])), f"{{{M}.r2_score([2, 2], [2, 2]):.1f}}", f"{{{M}.r2_score([2, 2], [2, 3]):.1f}}")',
     f'print({M}.r2_score(np.array([1., 2., 3.]), torch.tensor([1., 2., 3.5])), `${{{M}.r2_score([2, 2], [2, 2]).toFixed(1)}}`, `${{{M}.r2_score([2, 2], [2, 3]).toFixed(1)}}`)'),
    ('regression_metrics_04', f'{M}.mean_squared_error([[1, 2], [3, 4]], [1, 2])',
     f'{M}.mean_squared_error([[1, 2], [3, 4]], [1, 2])'),
    ('roc_01', f'y = [0, 0, 1, 1]; s = [0.1, 0.4, 0.35, 0.8]; fpr, tpr, thr = {M}.roc_curve(y, s); print(fpr, tpr, thr, {M}.roc_auc_score(y, s), {M}.auc(fpr, tpr))',
     f'let y = [0, 0, 1, 1]; let s = [0.1, 0.4, 0.35, 0.8]; let [fpr, tpr, thr] = {M}.roc_curve(y, s); print(fpr, tpr, thr, {M}.roc_auc_score(y, s), {M}.auc(fpr, tpr))'),
    ('roc_02', f'y = np.array([-1, 1, 1, -1, 1, -1, 1, 1]); s = np.array([0.2, 0.9, 0.5, 0.5, 0.7, 0.1, 0.5, 0.3]); print({M}.roc_curve(y, s, drop_intermediate=False)); print({M}.roc_curve(y, s)); print({M}.roc_auc_score(y, s))',
     f'let y = np.array([-1, 1, 1, -1, 1, -1, 1, 1]); let s = np.array([0.2, 0.9, 0.5, 0.5, 0.7, 0.1, 0.5, 0.3]); print({M}.roc_curve(y, s, {{drop_intermediate: false}})); print({M}.roc_curve(y, s)); print({M}.roc_auc_score(y, s))'),
    ('roc_03', f'print({M}.roc_curve(["a", "b", "b"], [0.3, 0.6, 0.2], pos_label="b"), {M}.roc_auc_score(torch.tensor([0, 1, 1, 0]), torch.tensor([0.3, 0.5, 0.6, 0.55])))',
     f'print({M}.roc_curve(["a", "b", "b"], [0.3, 0.6, 0.2], {{pos_label: "b"}}), {M}.roc_auc_score(torch.tensor([0, 1, 1, 0]), torch.tensor([0.3, 0.5, 0.6, 0.55])))'),
    ('roc_04', f'{M}.roc_auc_score([1, 1, 1], [0.2, 0.3, 0.4])',
     f'{M}.roc_auc_score([1, 1, 1], [0.2, 0.3, 0.4])'),
    ('roc_05', f'{M}.roc_curve(["a", "b", "b"], [0.3, 0.6, 0.2])',
     f'{M}.roc_curve(["a", "b", "b"], [0.3, 0.6, 0.2])'),
    ('roc_06', f'{M}.roc_auc_score([0, 1, 2], [0.2, 0.3, 0.4])',
     f'{M}.roc_auc_score([0, 1, 2], [0.2, 0.3, 0.4])'),
    # decomposition
    ('pca_01', 'X = np.array([[-1, -1], [-2, -1], [-3, -2], [1, 1], [2, 1], [3, 2]]); p = sklearn.decomposition.PCA(n_components=2).fit(X); print(p.explained_variance_ratio_, p.singular_values_, np.round(p.components_, 8), p.mean_, p.n_components_); print(np.round(p.transform(X), 8))',
     'let X = np.array([[-1, -1], [-2, -1], [-3, -2], [1, 1], [2, 1], [3, 2]]); let p = sklearn.decomposition.PCA({n_components: 2}).fit(X); print(p.explained_variance_ratio_, p.singular_values_, np.round(p.components_, 8), p.mean_, p.n_components_); print(np.round(p.transform(X), 8))'),
    ('pca_02', f'X, y = {D}.load_iris(return_X_y=True); p = sklearn.decomposition.PCA(2); X2 = p.fit_transform(X); print(np.round(X2[:3], 6), np.round(p.explained_variance_ratio_, 8), np.round(p.components_, 6), np.round(p.transform(X[:2]), 6), p)',
     f'let [X, y] = {D}.load_iris({{return_X_y: true}}); let p = sklearn.decomposition.PCA(2); let X2 = p.fit_transform(X); print(np.round(X2.get(":3"), 6), np.round(p.explained_variance_ratio_, 8), np.round(p.components_, 6), np.round(p.transform(X.get(":2")), 6), p)'),
    ('pca_03', f'X, y = {D}.load_digits(return_X_y=True); p = sklearn.decomposition.PCA(n_components=2, random_state=0); X2 = p.fit_transform(X); print(np.round(X2[:3], 4), np.round(p.explained_variance_ratio_, 6))',
     f'let [X, y] = {D}.load_digits({{return_X_y: true}}); let p = sklearn.decomposition.PCA({{n_components: 2, random_state: 0}}); let X2 = p.fit_transform(X); print(np.round(X2.get(":3"), 4), np.round(p.explained_variance_ratio_, 6))'),
    ('pca_04', f'X, y = {D}.load_iris(return_X_y=True); p = sklearn.decomposition.PCA(0.95).fit(X); print(p.n_components_, np.round(p.explained_variance_, 6), np.round(p.inverse_transform(p.transform(X[:1])), 6))',
     f'let [X, y] = {D}.load_iris({{return_X_y: true}}); let p = sklearn.decomposition.PCA(0.95).fit(X); print(p.n_components_, np.round(p.explained_variance_, 6), np.round(p.inverse_transform(p.transform(X.get(":1"))), 6))'),
    ('pca_05', 'sklearn.decomposition.PCA(5).fit(np.ones((4, 2)))',
     'sklearn.decomposition.PCA(5).fit(np.ones([4, 2]))'),
    # utils
    ('shuffle_01', 'print(sklearn.utils.shuffle(np.arange(5), random_state=0)); a, b = sklearn.utils.shuffle(np.arange(6).reshape(3, 2), [7, 8, 9], random_state=1); print(a, b)',
     'print(sklearn.utils.shuffle(np.arange(5), {random_state: 0})); let [a, b] = sklearn.utils.shuffle(np.arange(6).reshape(3, 2), [7, 8, 9], {random_state: 1}); print(a, b)'),
]


def main():
    write_cases(CASES, "sklearn.json", {"torch": torch, "np": np, "sklearn": sklearn})


if __name__ == "__main__":
    main()
