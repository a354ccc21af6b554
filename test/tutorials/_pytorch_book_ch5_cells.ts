/**
 * chenyuntc/pytorch-book, Chapter5 (tools), its data-loading part (Dataset, transforms, ImageFolder,
 * DataLoader with a collate_fn, WeightedRandomSampler), as notebook cells for the torchlab kernel:
 * test/reference/gen_pytorch_book_ch4.py has the Python and the stand-ins (seeded PNGs of small sizes
 * for the book's JPEGs, Resize/crop to 24 instead of 224, sorted listdir). `DIR` is a temporary folder.
 */
export function ch5Cells(DIR: string): string[] {
  return [
    `import * as os from "fs";
const t = torch;
const { ToPILImage } = transforms;
t.manual_seed(0);
const to_pil = new ToPILImage();
const sizes: Record<string, [number, number]> = {'cat.12484': [50, 49], 'cat.12485': [37, 49], 'cat.12486': [40, 30], 'cat.12487': [37, 49],
         'dog.12496': [49, 37], 'dog.12497': [23, 28], 'dog.12498': [37, 49], 'dog.12499': [37, 49]};
for (const folder of ['dogcat', 'dogcat_2/cat', 'dogcat_2/dog', 'dogcat_wrong']) {
  os.mkdirSync('${DIR}' + '/data/' + folder, {recursive: true});
}
for (const name in sizes) {
  const img = to_pil(t.rand(3, sizes[name][0], sizes[name][1]));
  img.save('${DIR}' + '/data/dogcat/' + name + '.png');
  img.save('${DIR}' + '/data/dogcat_2/' + name.slice(0, 3) + '/' + name + '.png');
  img.save('${DIR}' + '/data/dogcat_wrong/' + name + '.png');
}
os.writeFileSync('${DIR}' + '/data/dogcat_wrong/dog.wrong.png', 'not an image');`,
    `const { Dataset } = torch.utils.data;`,
    `import * as path from "path";
const { Image } = torchvision.io;

class DogCat extends Dataset<[torch.Tensor, number]> {
  imgs: string[];
  constructor(root: string) {
    super();
    const imgs = os.readdirSync(root).sort();
    // 所有图片的绝对路径
    // 这里不实际加载图片，只是指定路径，当调用__getitem__时才会真正读图片
    this.imgs = imgs.map((img) => path.join(root, img));
  }

  __getitem__(index: number): [torch.Tensor, number] {
    const img_path = this.imgs[index];
    // dog->1， cat->0
    const label = img_path.split('/').pop()!.includes('dog') ? 1 : 0;
    const pil_img = Image.open(img_path);
    const array = {data: pil_img.data, shape: [pil_img.height, pil_img.width, pil_img.channels]};  // np.asarray(pil_img)
    const data = t.from_numpy(array);
    return [data, label];
  }

  __len__(): number {
    return this.imgs.length;
  }
}`,
    `let dataset = new DogCat('${DIR}/data/dogcat/');
let [img, label] = dataset[0]; // 相当于调用dataset.__getitem__(0)
for (const [img, label] of dataset) {
  console.log(img.size(), img.float().mean(), label);
}`,
    `const T = transforms;

let transform = new T.Compose([
    new T.Resize(24), // 缩放图片(Image)，保持长宽比不变，最短边为24像素
    new T.CenterCrop(24), // 从图片中间切出24*24的图片
    new T.ToTensor(), // 将图片(Image)转成Tensor，归一化至[0, 1]
    new T.Normalize({mean: [.5, .5, .5], std: [.5, .5, .5]}) // 标准化至[-1, 1]，规定均值和标准差
]);

class DogCat extends Dataset<[torch.Tensor, number]> {
  imgs: string[]; transforms: ((img: InstanceType<typeof Image>) => torch.Tensor) | null;
  constructor(root: string, {transforms = null as ((img: InstanceType<typeof Image>) => torch.Tensor) | null} = {}) {
    super();
    const imgs = os.readdirSync(root).sort();
    this.imgs = imgs.map((img) => path.join(root, img));
    this.transforms=transforms;
  }

  __getitem__(index: number): [torch.Tensor, number] {
    const img_path = this.imgs[index];
    const label = img_path.split('/').pop()!.includes('dog') ? 0 : 1;
    let data: any = Image.open(img_path);
    if (this.transforms) {
      data = this.transforms(data);
    }
    return [data, label];
  }

  __len__(): number {
    return this.imgs.length;
  }
}

let dataset = new DogCat('${DIR}/data/dogcat/', {transforms: transform});
let [img, label] = dataset[0];
for (const [img, label] of dataset) {
  console.log(img.size(), label, img.mean());
}`,
    `const { ImageFolder } = torchvision.datasets;
let dataset = new ImageFolder('${DIR}/data/dogcat_2/');
// cat文件夹的图片对应label 0，dog对应1
dataset.class_to_idx`,
    `// 所有图片的路径和对应的label
dataset.imgs.map(([p, c]) => tuple([p.slice('${DIR}'.length), c]))`,
    `// 没有任何的transform，所以返回的还是PIL Image对象
console.log(dataset[0][1]); // 第一维是第几张图，第二维为1返回label
dataset[0][0] // 为0返回图片数据`,
    `// 加上transform
transform  = new T.Compose([
         new T.RandomResizedCrop(24),
         new T.RandomHorizontalFlip(), //水平翻转
         new T.ToTensor(),
         new T.Normalize({mean: [.5, .5, .5], std: [.5, .5, .5]}),
]);`,
    `let dataset = new ImageFolder('${DIR}/data/dogcat_2/', {transform: transform});
// 深度学习中图片数据一般保存成CxHxW，即通道数x图片高x图片宽
console.log(dataset[0][0].mean());
dataset[0][0].size()`,
    `const to_img = new T.ToPILImage();
// 0.2和0.4是标准差和均值的近似
to_img(dataset[0][0]*0.2+0.4)`,
    `const { DataLoader } = torch.utils.data;
let dataloader = new DataLoader(dataset, {batch_size: 3, shuffle: true, num_workers: 0, drop_last: false});
const dataiter = dataloader[Symbol.iterator]();
const [imgs, labels] = dataiter.next().value;
console.log(labels, imgs.mean());
imgs.size() // batch_size, channel, height, width`,
    `class NewDogCat extends DogCat { // 继承前面实现的DogCat数据集
  __getitem__(index: number): any {
    try {
      // 调用父类的获取函数，即 DogCat.__getitem__(self, index)
      return super.__getitem__(index);
    } catch {
      return [null, null];
    }
  }
}

const { default_collate } = torch.utils.data; // 导入默认的拼接方式
function my_collate_fn(batch: any[]): any {
  /**
   * batch是一个list，每个元素是dataset的返回值，形如(data, label)
   */
  // 过滤为None的数据
  batch = batch.filter((_) => _[0] !== null);
  if (batch.length == 0) return t.FloatTensor();
  return default_collate(batch); // 用默认方式拼接过滤后的batch数据
}`,
    `let dataset = new NewDogCat('${DIR}/data/dogcat_wrong/', {transforms: transform});
dataset[8]`,
    `let dataloader = new DataLoader(dataset, 2, {collate_fn: my_collate_fn, num_workers: 0, shuffle: true});
for (const [batch_datas, batch_labels] of dataloader) {
  console.log(batch_datas.size(),batch_labels.size(), batch_labels.tolist());
}`,
    `let dataset = new DogCat('${DIR}/data/dogcat/', {transforms: transform});
// 假设狗的图片被取出的概率是猫的概率的两倍
// 两类图片被取出的概率与weights的绝对大小无关，只和比值有关
const weights = [...dataset].map(([data, label]) => label == 1 ? 2 : 1);
weights`,
    `const { WeightedRandomSampler } = torch.utils.data;
let sampler = new WeightedRandomSampler(weights,
                                {num_samples: 9,
                                replacement: true});
let dataloader = new DataLoader(dataset,
                        {batch_size: 3,
                        sampler: sampler});
for (const [datas, labels] of dataloader) {
  console.log(labels.tolist());
}`,
    `let sampler = new WeightedRandomSampler(weights, 8, {replacement: false});
let dataloader = new DataLoader(dataset, {batch_size: 4, sampler: sampler});
for (const [datas, labels] of dataloader) {
  console.log(labels.tolist());
}`,
  ];
}
