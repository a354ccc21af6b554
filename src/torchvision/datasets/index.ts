/**
 * torchvision.datasets: MNIST, FashionMNIST, KMNIST, EMNIST, CIFAR10/100 (torchvision's folder
 * layout and `download: true` from its mirror lists, MD5-checked), ImageFolder, DatasetFolder,
 * FakeData, all torch.utils.data Datasets (`getitem(i)`, `len()`), usable with a DataLoader;
 * `datasets.utils` has torchvision's download_url, extract_archive and check_integrity.
 */
export { VisionDataset, FileNotFoundError } from "./vision";
export { MNIST, FashionMNIST, KMNIST, EMNIST, read_idx } from "./mnist";
export type { MNISTOptions, EMNISTOptions, EMNISTSplit, IdxArray } from "./mnist";
export { CIFAR10, CIFAR100 } from "./cifar";
export type { CIFAROptions } from "./cifar";
export { DatasetFolder, ImageFolder, IMG_EXTENSIONS, find_classes, make_dataset, has_file_allowed_extension, default_loader } from "./folder";
export type { DatasetFolderOptions, ImageFolderOptions } from "./folder";
export { FakeData } from "./fakedata";
export type { FakeDataOptions } from "./fakedata";
export * as utils from "./utils";
export type { Resource } from "./download";
