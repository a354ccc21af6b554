"""Fixture for test/tutorials/data_loading_notebook.test.ts: PyTorch's "Writing Custom Datasets,
DataLoaders and Transforms" (beginner_source/data_loading_tutorial.py, PyTorch 1.13's tutorials): the
landmarks csv read with pandas, FaceLandmarksDataset, the Rescale / RandomCrop / ToTensor transform
classes composed with transforms.Compose, the DataLoader's batches of dict samples, show_landmarks and
show_landmarks_batch with plt.

Each entry is one cell: the tutorial's Python and the port's notebook dialect. The Python cells run in
order in one scope (PyTorch 1.13, torch.manual_seed(0) first, as `torchlab run` seeds a fresh kernel)
and record what they print. The faces data set (a download) is a stand-in both sides write the same
way (`faces_setup`, and the test's setup): data/faces/face_landmarks.csv with 69 rows of 68 integer
landmarks and 69 RGB PNGs of about 140 x 140 whose pixels and sizes come from a formula. skimage is not installed
beside this PyTorch (nor in torchlab): `io.imread` is `plt.imread` (a PNG reads as float32 in [0, 1])
and `transform.resize` is F.interpolate (bilinear). The test's header lists what else differs.
Run with Debian's /usr/bin/python3 from test/reference: writes data_loading.json.
"""
import contextlib
import io
import json
import os
import sys
import tempfile

import matplotlib

matplotlib.use("Agg")
import numpy as np  # noqa: E402
import torch  # noqa: E402
from PIL import Image  # noqa: E402

assert torch.__version__.startswith("1.13"), torch.__version__

N_FACES = 69
N_POINTS = 68


def face_size(k):
    """(height, width) of stand-in face k: 130..158 x 130..160 (RandomCrop(128) needs more than 128),
    some taller than wide, some wider."""
    return 130 + (k * 5) % 29, 130 + (k * 7) % 31


def faces_setup(root):
    """data/faces/face_landmarks.csv and face_<k>.png under root (the test writes the same bytes of csv and pixels)."""
    faces = os.path.join(root, "data", "faces")
    os.makedirs(faces)
    header = ["image_name"] + [f"part_{j}_{c}" for j in range(N_POINTS) for c in "xy"]
    rows = [",".join(header)]
    for k in range(N_FACES):
        h, w = face_size(k)
        y, x, c = np.meshgrid(np.arange(h), np.arange(w), np.arange(3), indexing="ij")
        pixels = (37 * y + 11 * x + 71 * c + 13 * k + (x * y * 7) % 23) % 256
        Image.fromarray(pixels.astype(np.uint8)).save(os.path.join(faces, f"face_{k}.png"))
        marks = []
        for j in range(N_POINTS):
            marks += [(3 * k + 5 * j) % w, (2 * k + 7 * j) % h]
        rows.append(",".join([f"face_{k}.png"] + [str(m) for m in marks]))
    with open(os.path.join(faces, "face_landmarks.csv"), "w") as f:
        f.write("\n".join(rows) + "\n")


CELLS = [
    ("""import os
import torch
import pandas as pd
import numpy as np
import matplotlib.pyplot as plt
from torch.utils.data import Dataset, DataLoader
from torchvision import transforms, utils
import torch.nn.functional as F

# Ignore warnings
import warnings
warnings.filterwarnings("ignore")

plt.ion()   # interactive mode""",
     """const { Dataset, DataLoader } = torch.utils.data;
const utils = torchvision.utils;

// Ignore warnings
warnings.filterwarnings("ignore");

plt.ion();   // interactive mode"""),
    ("""landmarks_frame = pd.read_csv('data/faces/face_landmarks.csv')

n = 65
img_name = landmarks_frame.iloc[n, 0]
landmarks = landmarks_frame.iloc[n, 1:]
landmarks = np.asarray(landmarks)
landmarks = landmarks.astype('float').reshape(-1, 2)

print('Image name: {}'.format(img_name))
print('Landmarks shape: {}'.format(landmarks.shape))
print('First 4 Landmarks: {}'.format(landmarks[:4]))""",
     """const landmarks_frame = pd.read_csv('data/faces/face_landmarks.csv');

const n = 65;
const img_name = landmarks_frame.iloc[n, 0];
let landmarks = landmarks_frame.iloc[n, '1:'];
landmarks = np.asarray(landmarks);
landmarks = landmarks.astype('float').reshape(-1, 2);

print('Image name: {}'.format(img_name));
print('Landmarks shape: {}'.format(landmarks.shape));
print('First 4 Landmarks: {}'.format(landmarks[':4']));"""),
    ("""def show_landmarks(image, landmarks):
    \"\"\"Show image with landmarks\"\"\"
    plt.imshow(image)
    plt.scatter(landmarks[:, 0], landmarks[:, 1], s=10, marker='.', c='r')
    plt.pause(0.001)  # pause a bit so that plots are updated

plt.figure()
show_landmarks(plt.imread(os.path.join('data/faces/', img_name)),
               landmarks)
plt.show()""",
     """function show_landmarks(image, landmarks) {
  // Show image with landmarks
  plt.imshow(image);
  plt.scatter(landmarks[':, 0'], landmarks[':, 1'], s=10, marker='.', c='r');
  plt.pause(0.001);  // pause a bit so that plots are updated
}

plt.figure();
show_landmarks(plt.imread(os.path.join('data/faces/', img_name)),
               landmarks);
plt.show();"""),
    ("""class FaceLandmarksDataset(Dataset):
    \"\"\"Face Landmarks dataset.\"\"\"

    def __init__(self, csv_file, root_dir, transform=None):
        \"\"\"
        Args:
            csv_file (string): Path to the csv file with annotations.
            root_dir (string): Directory with all the images.
            transform (callable, optional): Optional transform to be applied
                on a sample.
        \"\"\"
        self.landmarks_frame = pd.read_csv(csv_file)
        self.root_dir = root_dir
        self.transform = transform

    def __len__(self):
        return len(self.landmarks_frame)

    def __getitem__(self, idx):
        if torch.is_tensor(idx):
            idx = idx.tolist()

        img_name = os.path.join(self.root_dir,
                                self.landmarks_frame.iloc[idx, 0])
        image = plt.imread(img_name)
        landmarks = self.landmarks_frame.iloc[idx, 1:]
        landmarks = np.array([landmarks])
        landmarks = landmarks.astype('float').reshape(-1, 2)
        sample = {'image': image, 'landmarks': landmarks}

        if self.transform:
            sample = self.transform(sample)

        return sample""",
     """class FaceLandmarksDataset extends Dataset {
  // Face Landmarks dataset.
  landmarks_frame: pd.DataFrame;
  root_dir: string;
  transform;

  /**
   * Args:
   *     csv_file (string): Path to the csv file with annotations.
   *     root_dir (string): Directory with all the images.
   *     transform (callable, optional): Optional transform to be applied
   *         on a sample.
   */
  constructor(csv_file: string, root_dir: string, transform=None) {
    super();
    this.landmarks_frame = pd.read_csv(csv_file);
    this.root_dir = root_dir;
    this.transform = transform;
  }

  __len__() {
    return len(this.landmarks_frame);
  }

  __getitem__(idx) {
    if (torch.is_tensor(idx)) {
      idx = idx.tolist();
    }

    const img_name = os.path.join(this.root_dir,
                                  this.landmarks_frame.iloc[idx, 0]);
    const image = plt.imread(img_name);
    let landmarks = this.landmarks_frame.iloc[idx, '1:'];
    landmarks = np.array([landmarks]);
    landmarks = landmarks.astype('float').reshape(-1, 2);
    let sample = {'image': image, 'landmarks': landmarks};

    if (this.transform) {
      sample = this.transform(sample);
    }

    return sample;
  }
}"""),
    ("""face_dataset = FaceLandmarksDataset(csv_file='data/faces/face_landmarks.csv',
                                    root_dir='data/faces/')

fig = plt.figure()

for i in range(len(face_dataset)):
    sample = face_dataset[i]

    print(i, sample['image'].shape, sample['landmarks'].shape)

    ax = plt.subplot(1, 4, i + 1)
    plt.tight_layout()
    ax.set_title('Sample #{}'.format(i))
    ax.axis('off')
    show_landmarks(**sample)

    if i == 3:
        plt.show()
        break""",
     """const face_dataset = new FaceLandmarksDataset(csv_file='data/faces/face_landmarks.csv',
                                              root_dir='data/faces/');

let fig = plt.figure();

for (const i of range(len(face_dataset))) {
  const sample = face_dataset[i];

  print(i, sample['image'].shape, sample['landmarks'].shape);

  const ax = plt.subplot(1, 4, i + 1);
  plt.tight_layout();
  ax.set_title('Sample #{}'.format(i));
  ax.axis('off');
  show_landmarks(**sample);

  if (i == 3) {
    plt.show();
    break;
  }
}"""),
    ("""class Rescale(object):
    \"\"\"Rescale the image in a sample to a given size.

    Args:
        output_size (tuple or int): Desired output size. If tuple, output is
            matched to output_size. If int, smaller of image edges is matched
            to output_size keeping aspect ratio the same.
    \"\"\"

    def __init__(self, output_size):
        assert isinstance(output_size, (int, tuple))
        self.output_size = output_size

    def __call__(self, sample):
        image, landmarks = sample['image'], sample['landmarks']

        h, w = image.shape[:2]
        if isinstance(self.output_size, int):
            if h > w:
                new_h, new_w = self.output_size * h / w, self.output_size
            else:
                new_h, new_w = self.output_size, self.output_size * w / h
        else:
            new_h, new_w = self.output_size

        new_h, new_w = int(new_h), int(new_w)

        img = F.interpolate(torch.from_numpy(image.transpose((2, 0, 1)))[None], size=(new_h, new_w), mode='bilinear')[0].numpy().transpose((1, 2, 0))

        # h and w are swapped for landmarks because for images,
        # x and y axes are axis 1 and 0 respectively
        landmarks = landmarks * [new_w / w, new_h / h]

        return {'image': img, 'landmarks': landmarks}


class RandomCrop(object):
    \"\"\"Crop randomly the image in a sample.

    Args:
        output_size (tuple or int): Desired output size. If int, square crop
            is made.
    \"\"\"

    def __init__(self, output_size):
        assert isinstance(output_size, (int, tuple))
        if isinstance(output_size, int):
            self.output_size = (output_size, output_size)
        else:
            assert len(output_size) == 2
            self.output_size = output_size

    def __call__(self, sample):
        image, landmarks = sample['image'], sample['landmarks']

        h, w = image.shape[:2]
        new_h, new_w = self.output_size

        top = np.random.randint(0, h - new_h)
        left = np.random.randint(0, w - new_w)

        image = image[top: top + new_h,
                      left: left + new_w]

        landmarks = landmarks - [left, top]

        return {'image': image, 'landmarks': landmarks}


class ToTensor(object):
    \"\"\"Convert ndarrays in sample to Tensors.\"\"\"

    def __call__(self, sample):
        image, landmarks = sample['image'], sample['landmarks']

        # swap color axis because
        # numpy image: H x W x C
        # torch image: C x H x W
        image = image.transpose((2, 0, 1))
        return {'image': torch.from_numpy(image),
                'landmarks': torch.from_numpy(landmarks)}""",
     """class Rescale {
  /**
   * Rescale the image in a sample to a given size.
   *
   * Args:
   *     output_size (tuple or int): Desired output size. If tuple, output is
   *         matched to output_size. If int, smaller of image edges is matched
   *         to output_size keeping aspect ratio the same.
   */
  output_size;

  constructor(output_size) {
    assert(isinstance(output_size, [int, tuple]));
    this.output_size = output_size;
  }

  __call__(sample) {
    let [image, landmarks] = [sample['image'], sample['landmarks']];

    const [h, w] = image.shape[':2'];
    let new_h, new_w;
    if (isinstance(this.output_size, int)) {
      if (h > w) {
        [new_h, new_w] = [this.output_size * h / w, this.output_size];
      } else {
        [new_h, new_w] = [this.output_size, this.output_size * w / h];
      }
    } else {
      [new_h, new_w] = this.output_size;
    }

    [new_h, new_w] = [int(new_h), int(new_w)];

    const img = F.interpolate(torch.from_numpy(image.transpose([2, 0, 1]))[null], size=[new_h, new_w], mode='bilinear')[0].numpy().transpose([1, 2, 0]);

    // h and w are swapped for landmarks because for images,
    // x and y axes are axis 1 and 0 respectively
    landmarks = landmarks * [new_w / w, new_h / h];

    return {'image': img, 'landmarks': landmarks};
  }
}


class RandomCrop {
  /**
   * Crop randomly the image in a sample.
   *
   * Args:
   *     output_size (tuple or int): Desired output size. If int, square crop
   *         is made.
   */
  output_size;

  constructor(output_size) {
    assert(isinstance(output_size, [int, tuple]));
    if (isinstance(output_size, int)) {
      this.output_size = [output_size, output_size];
    } else {
      assert(len(output_size) == 2);
      this.output_size = output_size;
    }
  }

  __call__(sample) {
    let [image, landmarks] = [sample['image'], sample['landmarks']];

    const [h, w] = image.shape[':2'];
    const [new_h, new_w] = this.output_size;

    const top = np.random.randint(0, h - new_h);
    const left = np.random.randint(0, w - new_w);

    image = image[`${top}: ${top + new_h}, ${left}: ${left + new_w}`];

    landmarks = landmarks - [left, top];

    return {'image': image, 'landmarks': landmarks};
  }
}


class ToTensor {
  // Convert ndarrays in sample to Tensors.

  __call__(sample) {
    let [image, landmarks] = [sample['image'], sample['landmarks']];

    // swap color axis because
    // numpy image: H x W x C
    // torch image: C x H x W
    image = image.transpose([2, 0, 1]);
    return {'image': torch.from_numpy(image),
            'landmarks': torch.from_numpy(landmarks)};
  }
}"""),
    ("""np.random.seed(0)
scale = Rescale(256)
crop = RandomCrop(128)
composed = transforms.Compose([Rescale(256),
                               RandomCrop(224)])

# Apply each of the above transforms on sample.
fig = plt.figure()
sample = face_dataset[65]
for i, tsfrm in enumerate([scale, crop, composed]):
    transformed_sample = tsfrm(sample)

    ax = plt.subplot(1, 3, i + 1)
    plt.tight_layout()
    ax.set_title(type(tsfrm).__name__)
    show_landmarks(**transformed_sample)
    print(type(tsfrm).__name__, transformed_sample['image'].shape, transformed_sample['image'].dtype)
    print(transformed_sample['landmarks'][:3])
    print(transformed_sample['image'][:2, :3, 0].round(4))

plt.show()""",
     """np.random.seed(0);
const scale = new Rescale(256);
const crop = new RandomCrop(128);
const composed = transforms.Compose([new Rescale(256),
                                     new RandomCrop(224)]);

// Apply each of the above transforms on sample.
fig = plt.figure();
const sample = face_dataset[65];
for (const [i, tsfrm] of enumerate([scale, crop, composed])) {
  const transformed_sample = tsfrm(sample);

  const ax = plt.subplot(1, 3, i + 1);
  plt.tight_layout();
  ax.set_title(type(tsfrm).__name__);
  show_landmarks(**transformed_sample);
  print(type(tsfrm).__name__, transformed_sample['image'].shape, transformed_sample['image'].dtype);
  print(transformed_sample['landmarks'][':3']);
  print(transformed_sample['image'][':2, :3, 0'].round(4));
}

plt.show();"""),
    ("""transformed_dataset = FaceLandmarksDataset(csv_file='data/faces/face_landmarks.csv',
                                           root_dir='data/faces/',
                                           transform=transforms.Compose([
                                               Rescale(256),
                                               RandomCrop(224),
                                               ToTensor()
                                           ]))

for i in range(len(transformed_dataset)):
    sample = transformed_dataset[i]

    print(i, sample['image'].size(), sample['landmarks'].size())

    if i == 3:
        break""",
     """const transformed_dataset = new FaceLandmarksDataset(csv_file='data/faces/face_landmarks.csv',
                                                     root_dir='data/faces/',
                                                     transform=transforms.Compose([
                                                       new Rescale(256),
                                                       new RandomCrop(224),
                                                       new ToTensor()
                                                     ]));

for (const i of range(len(transformed_dataset))) {
  const sample = transformed_dataset[i];

  print(i, sample['image'].size(), sample['landmarks'].size());

  if (i == 3) {
    break;
  }
}"""),
    ("""dataloader = DataLoader(transformed_dataset, batch_size=4,
                        shuffle=True, num_workers=0)


# Helper function to show a batch
def show_landmarks_batch(sample_batched):
    \"\"\"Show image with landmarks for a batch of samples.\"\"\"
    images_batch, landmarks_batch = \\
            sample_batched['image'], sample_batched['landmarks']
    batch_size = len(images_batch)
    im_size = images_batch.size(2)
    grid_border_size = 2

    grid = utils.make_grid(images_batch)
    plt.imshow(grid.numpy().transpose((1, 2, 0)))

    for i in range(batch_size):
        plt.scatter(landmarks_batch[i, :, 0].numpy() + i * im_size + (i + 1) * grid_border_size,
                    landmarks_batch[i, :, 1].numpy() + grid_border_size,
                    s=10, marker='.', c='r')

        plt.title('Batch from dataloader')

for i_batch, sample_batched in enumerate(dataloader):
    print(i_batch, sample_batched['image'].size(),
          sample_batched['landmarks'].size())
    print(sample_batched['landmarks'][:, 0], sample_batched['landmarks'].dtype)
    print(sample_batched['image'].mean(dim=(1, 2, 3)))

    # observe 4th batch and stop.
    if i_batch == 3:
        plt.figure()
        show_landmarks_batch(sample_batched)
        plt.axis('off')
        plt.ioff()
        plt.show()
        break""",
     """const dataloader = DataLoader(transformed_dataset, batch_size=4,
                              shuffle=true, num_workers=0);


// Helper function to show a batch
function show_landmarks_batch(sample_batched) {
  // Show image with landmarks for a batch of samples.
  const [images_batch, landmarks_batch] =
          [sample_batched['image'], sample_batched['landmarks']];
  const batch_size = len(images_batch);
  const im_size = images_batch.size(2);
  const grid_border_size = 2;

  const grid = utils.make_grid(images_batch);
  plt.imshow(grid.numpy().transpose([1, 2, 0]));

  for (const i of range(batch_size)) {
    plt.scatter(landmarks_batch[i, ':', 0].numpy() + i * im_size + (i + 1) * grid_border_size,
                landmarks_batch[i, ':', 1].numpy() + grid_border_size,
                s=10, marker='.', c='r');

    plt.title('Batch from dataloader');
  }
}

for (const [i_batch, sample_batched] of enumerate(dataloader)) {
  print(i_batch, sample_batched['image'].size(),
        sample_batched['landmarks'].size());
  print(sample_batched['landmarks'][':, 0'], sample_batched['landmarks'].dtype);
  print(sample_batched['image'].mean(dim=[1, 2, 3]));

  // observe 4th batch and stop.
  if (i_batch == 3) {
    plt.figure();
    show_landmarks_batch(sample_batched);
    plt.axis('off');
    plt.ioff();
    plt.show();
    break;
  }
}"""),
]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    os.chdir(tempfile.mkdtemp(prefix="data-loading-"))
    faces_setup(".")
    torch.manual_seed(0)
    scope = {"__name__": "__main__"}
    out = []
    for py, ts in CELLS:
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            exec(compile(py, "<cell>", "exec"), scope)
        out.append({"py": py, "ts": ts, "print": buf.getvalue()})
    with open(os.path.join(here, "data_loading.json"), "w") as f:
        json.dump({"cells": out}, f, indent=1, ensure_ascii=False)
        f.write("\n")


if __name__ == "__main__":
    sys.exit(main())
