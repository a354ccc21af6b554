"""pytorch/examples imagenet/main.py (its --dummy path: FakeData), literal for the single-process CPU
run: resnet18, CrossEntropyLoss, SGD(momentum, weight_decay), StepLR(step_size=30, gamma=0.1), train and
validate with AverageMeter / ProgressMeter / Summary prints, accuracy(output, target, topk=(1, 5)) and
save_checkpoint. Shrunk: FakeData of 8 training and 4 validation 3 x 32 x 32 images, batch 4, 1 epoch,
print_freq 1. The Time / Data meters measure wall time and are compared by format only.

Writes test/reference/imagenet.json (test/tutorials/imagenet.test.ts).
"""
import argparse
import os
import shutil
import tempfile
import time
from enum import Enum

import torch
import torch.nn as nn
import torch.optim
import torch.utils.data
import torchvision.datasets as datasets
import torchvision.models as models
import torchvision.transforms as transforms
from torch.optim.lr_scheduler import StepLR

from _tutorial_common import write_json

printed = []


def print(*a):
    printed.append(" ".join(str(x) for x in a))


best_acc1 = 0


def main_worker(args):
    global best_acc1
    use_accel = False
    device = torch.device("cpu")
    torch.manual_seed(0)

    print("=> creating model '{}'".format(args.arch))
    model = models.__dict__[args.arch]()

    # define loss function (criterion), optimizer, and learning rate scheduler
    criterion = nn.CrossEntropyLoss().to(device)

    optimizer = torch.optim.SGD(model.parameters(), args.lr,
                                momentum=args.momentum,
                                weight_decay=args.weight_decay)

    """Sets the learning rate to the initial LR decayed by 10 every 30 epochs"""
    scheduler = StepLR(optimizer, step_size=30, gamma=0.1)

    # Data loading code
    if args.dummy:
        print("=> Dummy data is used!")
        train_dataset = datasets.FakeData(8, (3, 32, 32), 1000, transforms.ToTensor())
        val_dataset = datasets.FakeData(4, (3, 32, 32), 1000, transforms.ToTensor())

    train_sampler = None
    val_sampler = None

    train_loader = torch.utils.data.DataLoader(
        train_dataset, batch_size=args.batch_size, shuffle=(train_sampler is None),
        num_workers=args.workers, pin_memory=True, sampler=train_sampler)

    val_loader = torch.utils.data.DataLoader(
        val_dataset, batch_size=args.batch_size, shuffle=False,
        num_workers=args.workers, pin_memory=True, sampler=val_sampler)

    for epoch in range(args.start_epoch, args.epochs):
        # train for one epoch
        train(train_loader, model, criterion, optimizer, epoch, device, args)

        # evaluate on validation set
        acc1 = validate(val_loader, model, criterion, args)

        scheduler.step()

        # remember best acc@1 and save checkpoint
        is_best = acc1 > best_acc1
        best_acc1 = max(acc1, best_acc1)

        save_checkpoint({
            'epoch': epoch + 1,
            'arch': args.arch,
            'state_dict': model.state_dict(),
            'best_acc1': best_acc1,
            'optimizer': optimizer.state_dict(),
            'scheduler': scheduler.state_dict()
        }, is_best, os.path.join(args.dir, 'checkpoint.pth.tar'))
    return model, optimizer, scheduler


def train(train_loader, model, criterion, optimizer, epoch, device, args):
    use_accel = False
    batch_time = AverageMeter('Time', use_accel, ':6.3f', Summary.NONE)
    data_time = AverageMeter('Data', use_accel, ':6.3f', Summary.NONE)
    losses = AverageMeter('Loss', use_accel, ':.4e', Summary.NONE)
    top1 = AverageMeter('Acc@1', use_accel, ':6.2f', Summary.NONE)
    top5 = AverageMeter('Acc@5', use_accel, ':6.2f', Summary.NONE)
    progress = ProgressMeter(
        len(train_loader),
        [batch_time, data_time, losses, top1, top5],
        prefix="Epoch: [{}]".format(epoch))

    # switch to train mode
    model.train()

    end = time.time()
    for i, (images, target) in enumerate(train_loader):
        # measure data loading time
        data_time.update(time.time() - end)

        # move data to the same device as model
        images = images.to(device, non_blocking=True)
        target = target.to(device, non_blocking=True)

        # compute output
        output = model(images)
        loss = criterion(output, target)

        # measure accuracy and record loss
        acc1, acc5 = accuracy(output, target, topk=(1, 5))
        losses.update(loss.item(), images.size(0))
        top1.update(acc1[0], images.size(0))
        top5.update(acc5[0], images.size(0))

        # compute gradient and do SGD step
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()

        # measure elapsed time
        batch_time.update(time.time() - end)
        end = time.time()

        if i % args.print_freq == 0:
            progress.display(i + 1)


def validate(val_loader, model, criterion, args):
    use_accel = False

    def run_validate(loader, base_progress=0):
        with torch.no_grad():
            end = time.time()
            for i, (images, target) in enumerate(loader):
                i = base_progress + i

                # compute output
                output = model(images)
                loss = criterion(output, target)

                # measure accuracy and record loss
                acc1, acc5 = accuracy(output, target, topk=(1, 5))
                losses.update(loss.item(), images.size(0))
                top1.update(acc1[0], images.size(0))
                top5.update(acc5[0], images.size(0))

                # measure elapsed time
                batch_time.update(time.time() - end)
                end = time.time()

                if i % args.print_freq == 0:
                    progress.display(i + 1)

    batch_time = AverageMeter('Time', use_accel, ':6.3f', Summary.NONE)
    losses = AverageMeter('Loss', use_accel, ':.4e', Summary.NONE)
    top1 = AverageMeter('Acc@1', use_accel, ':6.2f', Summary.AVERAGE)
    top5 = AverageMeter('Acc@5', use_accel, ':6.2f', Summary.AVERAGE)
    progress = ProgressMeter(
        len(val_loader) + (args.distributed and (len(val_loader.sampler) * args.world_size < len(val_loader.dataset))),
        [batch_time, losses, top1, top5],
        prefix='Test: ')

    # switch to evaluate mode
    model.eval()

    run_validate(val_loader)

    progress.display_summary()

    return top1.avg


def save_checkpoint(state, is_best, filename='checkpoint.pth.tar'):
    torch.save(state, filename)
    if is_best:
        shutil.copyfile(filename, os.path.join(os.path.dirname(filename), 'model_best.pth.tar'))


class Summary(Enum):
    NONE = 0
    AVERAGE = 1
    SUM = 2
    COUNT = 3


class AverageMeter(object):
    """Computes and stores the average and current value"""
    def __init__(self, name, use_accel, fmt=':f', summary_type=Summary.AVERAGE):
        self.name = name
        self.use_accel = use_accel
        self.fmt = fmt
        self.summary_type = summary_type
        self.reset()

    def reset(self):
        self.val = 0
        self.avg = 0
        self.sum = 0
        self.count = 0

    def update(self, val, n=1):
        self.val = val
        self.sum += val * n
        self.count += n
        self.avg = self.sum / self.count

    def __str__(self):
        fmtstr = '{name} {val' + self.fmt + '} ({avg' + self.fmt + '})'
        return fmtstr.format(**self.__dict__)

    def summary(self):
        fmtstr = ''
        if self.summary_type is Summary.NONE:
            fmtstr = ''
        elif self.summary_type is Summary.AVERAGE:
            fmtstr = '{name} {avg:.3f}'
        elif self.summary_type is Summary.SUM:
            fmtstr = '{name} {sum:.3f}'
        elif self.summary_type is Summary.COUNT:
            fmtstr = '{name} {count:.3f}'
        else:
            raise ValueError('invalid summary type %r' % self.summary_type)

        return fmtstr.format(**self.__dict__)


class ProgressMeter(object):
    def __init__(self, num_batches, meters, prefix=""):
        self.batch_fmtstr = self._get_batch_fmtstr(num_batches)
        self.meters = meters
        self.prefix = prefix

    def display(self, batch):
        entries = [self.prefix + self.batch_fmtstr.format(batch)]
        entries += [str(meter) for meter in self.meters]
        print('\t'.join(entries))

    def display_summary(self):
        entries = [" *"]
        entries += [meter.summary() for meter in self.meters]
        print(' '.join(entries))

    def _get_batch_fmtstr(self, num_batches):
        num_digits = len(str(num_batches // 1))
        fmt = '{:' + str(num_digits) + 'd}'
        return '[' + fmt + '/' + fmt.format(num_batches) + ']'


def accuracy(output, target, topk=(1,)):
    """Computes the accuracy over the k top predictions for the specified values of k"""
    with torch.no_grad():
        maxk = max(topk)
        batch_size = target.size(0)

        _, pred = output.topk(maxk, 1, True, True)
        pred = pred.t()
        correct = pred.eq(target.view(1, -1).expand_as(pred))

        res = []
        for k in topk:
            correct_k = correct[:k].reshape(-1).float().sum(0, keepdim=True)
            res.append(correct_k.mul_(100.0 / batch_size))
        return res


args = argparse.Namespace(arch="resnet18", workers=0, epochs=1, start_epoch=0, batch_size=4, lr=0.1, momentum=0.9,
                          weight_decay=1e-4, print_freq=1, dummy=True, distributed=False, world_size=-1,
                          dir=tempfile.mkdtemp())
model, optimizer, scheduler = main_worker(args)
ckpt = torch.load(os.path.join(args.dir, 'checkpoint.pth.tar'))
best_saved = os.path.exists(os.path.join(args.dir, 'model_best.pth.tar'))
acc = accuracy(torch.tensor([[0.1, 0.5, 0.2, 0.9, 0.0, 0.3], [0.8, 0.1, 0.05, 0.2, 0.3, 0.6]]), torch.tensor([1, 2]), topk=(1, 5))
# torchvision's to_pil_image of a float tensor: pic.mul(255).byte(), whose uint8 conversion wraps
wrap_in = [[[-1.5, -1 / 255, -0.001, 0.7, 1.0, 300 / 255, 4.0, -2.0]]]
wrap_out = list(transforms.functional.to_pil_image(torch.tensor(wrap_in)).getdata())
fake = datasets.FakeData(3, (3, 4, 4), 10, transforms.ToTensor())
write_json({"wrap_in": wrap_in, "wrap_out": wrap_out, "fake_items": [[fake[i][0].sum().item(), fake[i][1]] for i in range(3)],
            "printed": printed, "best_saved": best_saved, "ckpt_keys": list(ckpt.keys()), "ckpt_epoch": ckpt["epoch"], "ckpt_arch": ckpt["arch"],
            "ckpt_best_acc1": float(ckpt["best_acc1"]), "ckpt_scheduler": ckpt["scheduler"],
            "ckpt_param_groups": [{k: v for k, v in g.items()} for g in ckpt["optimizer"]["param_groups"]][0]["lr"],
            "accuracy": [a.tolist() for a in acc], "fc_bias": model.fc.bias[:6].tolist()}, "imagenet.json")
