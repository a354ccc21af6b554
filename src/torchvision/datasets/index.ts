/**
 * torchvision.datasets: MNIST, FashionMNIST, CIFAR10/100, ImageFolder, DatasetFolder, FakeData,
 * all read from local files (nothing is downloaded) and all torch.utils.data Datasets
 * (`getitem(i)`, `len()`), usable with a DataLoader.
 */
export { VisionDataset, FileNotFoundError } from "./vision";
export { MNIST, FashionMNIST, read_idx } from "./mnist";
export type { MNISTOptions, IdxArray } from "./mnist";
export { CIFAR10, CIFAR100 } from "./cifar";
export type { CIFAROptions } from "./cifar";
export { DatasetFolder, ImageFolder, IMG_EXTENSIONS, find_classes, make_dataset, has_file_allowed_extension, default_loader } from "./folder";
export type { DatasetFolderOptions, ImageFolderOptions } from "./folder";
export { FakeData } from "./fakedata";
export type { FakeDataOptions } from "./fakedata";
