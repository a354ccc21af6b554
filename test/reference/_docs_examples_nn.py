"""The torch.nn / torch.nn.functional / gradient / torch.optim.lr_scheduler cases of
gen_docs_examples.py (which imports this module after its torch.* cases)."""
from _docs_common import C

# torch.nn.functional
C("cosine_similarity_bcast", "F.cosine_similarity(torch.arange(10.).view(2, 5), torch.arange(5.).flip(0))", "F.cosine_similarity(torch.arange(10).float().view(2, 5), torch.arange(5).float().flip(0))")
C("cosine_similarity_dim0", "F.cosine_similarity(torch.arange(6.).view(3, 2), torch.arange(6.).view(3, 2) % 4, dim=0)", "F.cosine_similarity(torch.arange(6).float().view(3, 2), torch.arange(6).float().view(3, 2).remainder(4), {dim: 0})")
C("cosine_similarity_bcast3", "F.cosine_similarity(torch.arange(12.).view(2, 1, 6), torch.arange(18.).view(3, 6) - 5, dim=-1)", "F.cosine_similarity(torch.arange(12).float().view(2, 1, 6), torch.arange(18).float().view(3, 6).sub(5), {dim: -1})")
C("cosine_similarity_zero", "F.cosine_similarity(torch.zeros(1, 3), torch.ones(1, 3))")
C("cosine_similarity_module", "nn.CosineSimilarity(dim=1, eps=1e-6)(torch.arange(10.).view(2, 5), torch.arange(10.).view(2, 5) ** 0.5)", "new nn.CosineSimilarity({dim: 1, eps: 1e-6})(torch.arange(10).float().view(2, 5), torch.arange(10).float().view(2, 5).pow(0.5))")
C("pairwise_distance", "nn.PairwiseDistance(p=2)(torch.arange(10.).view(2, 5), torch.ones(2, 5))", "new nn.PairwiseDistance({p: 2})(torch.arange(10).float().view(2, 5), torch.ones(2, 5))")
C("normalize", "F.normalize(torch.arange(6.).view(2, 3), dim=0)", "F.normalize(torch.arange(6).float().view(2, 3), {dim: 0})")
C("normalize_p1", "F.normalize(torch.arange(6.).view(2, 3), p=1.0, dim=1)", "F.normalize(torch.arange(6).float().view(2, 3), {p: 1.0, dim: 1})")
C("one_hot", "F.one_hot(torch.arange(0, 5) % 3)", "F.one_hot(torch.arange(0, 5).remainder(3))")
C("one_hot_n", "F.one_hot(torch.arange(0, 5) % 3, num_classes=5)", "F.one_hot(torch.arange(0, 5).remainder(3), {num_classes: 5})")
C("one_hot_2d", "F.one_hot(torch.arange(0, 6).view(3, 2) % 3)", "F.one_hot(torch.arange(0, 6).view(3, 2).remainder(3))")
C("embedding_f", "F.embedding(torch.tensor([[1, 2, 4, 5], [4, 3, 2, 9]]), torch.arange(30.).view(10, 3))", "F.embedding(torch.tensor([[1, 2, 4, 5], [4, 3, 2, 9]]), torch.arange(30).float().view(10, 3))")
C("embedding_f_pad", "F.embedding(torch.tensor([[0, 2, 0, 5]]), torch.arange(30.).view(10, 3), padding_idx=0)", "F.embedding(torch.tensor([[0, 2, 0, 5]]), torch.arange(30).float().view(10, 3), {padding_idx: 0})")
C("embedding_from_pretrained", "nn.Embedding.from_pretrained(torch.FloatTensor([[1, 2.3, 3], [4, 5.1, 6.3]]))(torch.LongTensor([1]))",
  "nn.Embedding.from_pretrained(torch.FloatTensor([[1, 2.3, 3], [4, 5.1, 6.3]]))(torch.LongTensor([1]))")
C("embedding_from_pretrained_frozen", "nn.Embedding.from_pretrained(torch.FloatTensor([[1, 2.3, 3], [4, 5.1, 6.3]])).weight.requires_grad",
  "nn.Embedding.from_pretrained(torch.FloatTensor([[1, 2.3, 3], [4, 5.1, 6.3]])).weight.requires_grad")
C("embedding_from_pretrained_unfrozen", "nn.Embedding.from_pretrained(torch.FloatTensor([[1, 2.3, 3], [4, 5.1, 6.3]]), freeze=False).weight.requires_grad",
  "nn.Embedding.from_pretrained(torch.FloatTensor([[1, 2.3, 3], [4, 5.1, 6.3]]), {freeze: false}).weight.requires_grad")
C("embedding_from_pretrained_pad", "nn.Embedding.from_pretrained(torch.FloatTensor([[1, 2.3, 3], [4, 5.1, 6.3]]), padding_idx=1).padding_idx",
  "nn.Embedding.from_pretrained(torch.FloatTensor([[1, 2.3, 3], [4, 5.1, 6.3]]), {padding_idx: 1}).padding_idx")
C("embedding_from_pretrained_1d", "nn.Embedding.from_pretrained(torch.FloatTensor([1, 2.3, 3]))", "nn.Embedding.from_pretrained(torch.FloatTensor([1, 2.3, 3]))", keys=["2"])
W2 = "torch.FloatTensor([[1, 2.3, 3], [4, 5.1, 6.3]])"
C("embedding_bag_from_pretrained", "nn.EmbeddingBag.from_pretrained(%s)(torch.LongTensor([[1, 0]]))" % W2)
C("embedding_bag_from_pretrained_frozen", "nn.EmbeddingBag.from_pretrained(%s).weight.requires_grad" % W2)
C("embedding_bag_from_pretrained_sum_pad", "nn.EmbeddingBag.from_pretrained(%s, mode='sum', padding_idx=0)(torch.LongTensor([1, 0, 1, 0]), torch.LongTensor([0, 2]))" % W2,
  "nn.EmbeddingBag.from_pretrained(%s, {mode: 'sum', padding_idx: 0})(torch.LongTensor([1, 0, 1, 0]), torch.LongTensor([0, 2]))" % W2)
C("embedding_bag_from_pretrained_last_offset", "nn.EmbeddingBag.from_pretrained(%s, mode='max', include_last_offset=True)(torch.LongTensor([1, 0, 0]), torch.LongTensor([0, 1, 3]))" % W2,
  "nn.EmbeddingBag.from_pretrained(%s, {mode: 'max', include_last_offset: true})(torch.LongTensor([1, 0, 0]), torch.LongTensor([0, 1, 3]))" % W2)
C("embedding_bag_from_pretrained_1d", "nn.EmbeddingBag.from_pretrained(torch.FloatTensor([1, 2.3, 3]))", keys=["2"])
C("embedding_pad_module", "out = nn.Embedding(10, 3, padding_idx=0).weight[0]", "return new nn.Embedding(10, 3, {padding_idx: 0}).weight.get(0)")
X4 = "torch.arange(16.).view(1, 1, 4, 4)"
X4T = "torch.arange(16).float().view(1, 1, 4, 4)"
C("softmax2d", "nn.Softmax2d()(torch.arange(24.).view(1, 2, 3, 4) / 10)", "new nn.Softmax2d()(torch.arange(24).float().view(1, 2, 3, 4).div(10))")
C("softmax2d_3d", "nn.Softmax2d()(torch.arange(12.).view(2, 3, 2) / 5)", "new nn.Softmax2d()(torch.arange(12).float().view(2, 3, 2).div(5))")
C("softmax2d_bad", "nn.Softmax2d()(torch.arange(4.).view(2, 2))", "new nn.Softmax2d()(torch.arange(4).float().view(2, 2))", keys=["3D", "4D"])
C("softmax_dim", "nn.Softmax(dim=1)(torch.arange(6.).view(2, 3))", "new nn.Softmax({dim: 1})(torch.arange(6).float().view(2, 3))")
C("log_softmax_f", "F.log_softmax(torch.arange(6.).view(2, 3), dim=0)", "F.log_softmax(torch.arange(6).float().view(2, 3), {dim: 0})")
C("softmin", "nn.Softmin(dim=1)(torch.arange(6.).view(2, 3))", "new nn.Softmin({dim: 1})(torch.arange(6).float().view(2, 3))")
C("glu", "nn.GLU()(torch.arange(8.).view(2, 4) - 3)", "new nn.GLU()(torch.arange(8).float().view(2, 4).sub(3))")
C("layer_norm_f", "F.layer_norm(torch.arange(24.).view(2, 3, 4), (3, 4))", "F.layer_norm(torch.arange(24).float().view(2, 3, 4), [3, 4])")
C("layer_norm_f_wb", "F.layer_norm(torch.arange(6.).view(2, 3) ** 2, (3,), torch.tensor([1., 2, 3]), torch.tensor([0.5, 0, -0.5]), eps=1e-3)",
  "F.layer_norm(torch.arange(6).float().view(2, 3).pow(2), [3], torch.tensor([1, 2, 3]).float(), torch.tensor([0.5, 0, -0.5]), {eps: 1e-3})")
C("layer_norm_module", "nn.LayerNorm(4, elementwise_affine=False)(torch.arange(24.).view(2, 3, 4) ** 1.5)", "new nn.LayerNorm(4, {elementwise_affine: false})(torch.arange(24).float().view(2, 3, 4).pow(1.5))")
C("layer_norm_image", "nn.LayerNorm([2, 3, 3])(torch.arange(36.).view(2, 2, 3, 3) % 7)", "new nn.LayerNorm([2, 3, 3])(torch.arange(36).float().view(2, 2, 3, 3).remainder(7))")
C("group_norm", "nn.GroupNorm(2, 4)(torch.arange(32.).view(2, 4, 2, 2) % 5)", "new nn.GroupNorm(2, 4)(torch.arange(32).float().view(2, 4, 2, 2).remainder(5))")
C("instance_norm", "nn.InstanceNorm1d(2)(torch.arange(12.).view(2, 2, 3) ** 2)", "new nn.InstanceNorm1d(2)(torch.arange(12).float().view(2, 2, 3).pow(2))")
C("local_response_norm", "nn.LocalResponseNorm(2)(torch.arange(16.).view(1, 4, 2, 2))", "new nn.LocalResponseNorm(2)(torch.arange(16).float().view(1, 4, 2, 2))")
for name, mod in [("ReflectionPad1d", "ReflectionPad1d(2)"), ("ReflectionPad1d_tuple", "ReflectionPad1d((3, 1))"),
                  ("ReplicationPad1d", "ReplicationPad1d(2)"), ("ReplicationPad1d_tuple", "ReplicationPad1d((3, 1))"),
                  ("ConstantPad1d", "ConstantPad1d(2, 3.5)"), ("ConstantPad1d_tuple", "ConstantPad1d((3, 1), 3.5)")]:
    C(name, "nn.%s(torch.arange(8.).reshape(1, 2, 4))" % mod, "new nn.%s(torch.arange(8).float().reshape(1, 2, 4))" % mod.replace("(3, 1)", "[3, 1]"))
C("ReflectionPad1d_2d_input", "nn.ReflectionPad1d(2)(torch.arange(4.).reshape(1, 4))", "new nn.ReflectionPad1d(2)(torch.arange(4).float().reshape(1, 4))")
C("ReflectionPad1d_too_big", "nn.ReflectionPad1d(4)(torch.arange(8.).reshape(1, 2, 4))", "new nn.ReflectionPad1d(4)(torch.arange(8).float().reshape(1, 2, 4))", keys=["Padding size", "4"])
for name, mod in [("ReflectionPad2d", "ReflectionPad2d(2)"), ("ReflectionPad2d_tuple", "ReflectionPad2d((1, 1, 2, 0))"),
                  ("ReplicationPad2d", "ReplicationPad2d(2)"), ("ReplicationPad2d_tuple", "ReplicationPad2d((1, 1, 2, 0))"),
                  ("ZeroPad2d", "ZeroPad2d(2)"), ("ZeroPad2d_tuple", "ZeroPad2d((1, 1, 2, 0))"),
                  ("ConstantPad2d", "ConstantPad2d(2, 3.5)"), ("ConstantPad2d_tuple", "ConstantPad2d((3, 0, 2, 1), 3.5)")]:
    C(name, "nn.%s(torch.arange(9.).reshape(1, 1, 3, 3))" % mod,
      "new nn.%s(torch.arange(9).float().reshape(1, 1, 3, 3))" % mod.replace("(1, 1, 2, 0)", "[1, 1, 2, 0]").replace("(3, 0, 2, 1)", "[3, 0, 2, 1]"))
C("F_pad_1d", "F.pad(torch.arange(8.).view(1, 2, 4), (1, 1))", "F.pad(torch.arange(8).float().view(1, 2, 4), [1, 1])")
C("F_pad_2d", "F.pad(torch.arange(8.).view(1, 2, 4), (1, 1, 2, 2))", "F.pad(torch.arange(8).float().view(1, 2, 4), [1, 1, 2, 2])")
C("F_pad_reflect", "F.pad(torch.arange(8.).view(1, 2, 4), (2, 1), mode='reflect')", "F.pad(torch.arange(8).float().view(1, 2, 4), [2, 1], {mode: 'reflect'})")
C("F_pad_circular", "F.pad(torch.arange(8.).view(1, 2, 4), (2, 1), mode='circular')", "F.pad(torch.arange(8).float().view(1, 2, 4), [2, 1], {mode: 'circular'})")
C("F_pad_value", "F.pad(torch.arange(4.).view(2, 2), (1, 0), value=-1)", "F.pad(torch.arange(4).float().view(2, 2), [1, 0], {value: -1})")
C("F_pad_neg", "F.pad(torch.arange(8.).view(2, 4), (-1, -1))", "F.pad(torch.arange(8).float().view(2, 4), [-1, -1])")
W13 = "torch.arange(1., 4.).view(1, 1, 3) / 4"
W13T = "torch.arange(1, 4).float().view(1, 1, 3).div(4)"
C("conv1d_f", "F.conv1d(torch.arange(10.).view(1, 2, 5), torch.arange(12.).view(2, 2, 3) / 10)", "F.conv1d(torch.arange(10).float().view(1, 2, 5), torch.arange(12).float().view(2, 2, 3).div(10))")
C("conv1d_f_stride_pad", "F.conv1d(torch.arange(10.).view(1, 2, 5), torch.arange(12.).view(2, 2, 3) / 10, stride=2, padding=1)",
  "F.conv1d(torch.arange(10).float().view(1, 2, 5), torch.arange(12).float().view(2, 2, 3).div(10), {stride: 2, padding: 1})")
C("conv_transpose1d_f", "F.conv_transpose1d(torch.arange(10.).view(1, 2, 5), torch.arange(12.).view(2, 3, 2) / 10)",
  "F.conv_transpose1d(torch.arange(10).float().view(1, 2, 5), torch.arange(12).float().view(2, 3, 2).div(10))")
C("conv_transpose1d_f_stride", "F.conv_transpose1d(torch.arange(10.).view(1, 2, 5), torch.arange(12.).view(2, 3, 2) / 10, torch.tensor([0.1, 0.2, 0.3]), stride=2, padding=1, output_padding=1)",
  "F.conv_transpose1d(torch.arange(10).float().view(1, 2, 5), torch.arange(12).float().view(2, 3, 2).div(10), torch.tensor([0.1, 0.2, 0.3]), {stride: 2, padding: 1, output_padding: 1})")
C("conv_transpose1d_f_groups", "F.conv_transpose1d(torch.arange(8.).view(1, 2, 4), torch.arange(8.).view(2, 2, 2) / 10, groups=2, dilation=2)",
  "F.conv_transpose1d(torch.arange(8).float().view(1, 2, 4), torch.arange(8).float().view(2, 2, 2).div(10), {groups: 2, dilation: 2})")
C("conv_transpose2d_f", "F.conv_transpose2d(%s, torch.arange(8.).view(1, 2, 2, 2) / 10, stride=2)" % X4, "F.conv_transpose2d(%s, torch.arange(8).float().view(1, 2, 2, 2).div(10), {stride: 2})" % X4T)
CT = """
m = nn.ConvTranspose2d(1, 1, 3, stride=2, padding=1)
with torch.no_grad():
    m.weight.copy_(torch.arange(9.).view(1, 1, 3, 3) / 10)
    m.bias.fill_(0.5)
x = torch.arange(16.).view(1, 1, 4, 4)
out = (m(x), m(x, output_size=[8, 8]), m(x, output_size=(1, 1, 8, 7)))
"""
C("convtranspose2d_output_size", CT, """const m = new nn.ConvTranspose2d(1, 1, 3, {stride: 2, padding: 1});
torch.no_grad(() => { m.weight.copy_(torch.arange(9).float().view(1, 1, 3, 3).div(10)); m.bias.fill_(0.5); });
const x = torch.arange(16).float().view(1, 1, 4, 4);
return [m(x), m(x, [8, 8]), m(x, {output_size: [1, 1, 8, 7]})];""")
C("convtranspose2d_output_size_bad", """
m = nn.ConvTranspose2d(1, 1, 3, stride=2, padding=1)
out = m(torch.zeros(1, 1, 4, 4), output_size=[10, 10])
""", """const m = new nn.ConvTranspose2d(1, 1, 3, {stride: 2, padding: 1});
return m(torch.zeros(1, 1, 4, 4), [10, 10]);""", keys=["output size", "10"])
C("lp_pool1d", "F.lp_pool1d(torch.arange(10.).view(1, 2, 5), 2, 2)", "F.lp_pool1d(torch.arange(10).float().view(1, 2, 5), 2, 2)")
C("lp_pool1d_p1_stride", "F.lp_pool1d(torch.arange(10.).view(1, 2, 5), 1, 3, stride=1)", "F.lp_pool1d(torch.arange(10).float().view(1, 2, 5), 1, 3, {stride: 1})")
C("lp_pool2d", "F.lp_pool2d(%s, 2, 2)" % X4, "F.lp_pool2d(%s, 2, 2)" % X4T)
C("lp_pool2d_p3", "F.lp_pool2d(%s, 3, (3, 2), stride=(1, 2))" % X4, "F.lp_pool2d(%s, 3, [3, 2], {stride: [1, 2]})" % X4T, tol=1e-4)
C("LPPool2d", "nn.LPPool2d(2, 3, stride=2)(torch.arange(50.).view(1, 2, 5, 5))", "new nn.LPPool2d(2, 3, {stride: 2})(torch.arange(50).float().view(1, 2, 5, 5))")
C("LPPool1d", "nn.LPPool1d(2, 3, stride=2)(torch.arange(14.).view(2, 7))", "new nn.LPPool1d(2, 3, {stride: 2})(torch.arange(14).float().view(2, 7))")
MU1 = """
pool = nn.MaxPool1d(2, stride=2, return_indices=True)
unpool = nn.MaxUnpool1d(2, stride=2)
output, indices = pool(torch.tensor([[[1., 2, 3, 4, 5, 6, 7, 8]]]))
out = (unpool(output, indices), unpool(output, indices, output_size=[1, 1, 9]))
"""
C("max_unpool1d", MU1, """const pool = new nn.MaxPool1d(2, {stride: 2, return_indices: true});
const unpool = new nn.MaxUnpool1d(2, {stride: 2});
const [output, indices] = pool(torch.tensor([[[1, 2, 3, 4, 5, 6, 7, 8]]]).float());
return [unpool(output, indices), unpool(output, indices, {output_size: [1, 1, 9]})];""")
MU2 = """
pool = nn.MaxPool2d(2, stride=2, return_indices=True)
unpool = nn.MaxUnpool2d(2, stride=2)
inp = torch.tensor([[[[1., 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12], [13, 14, 15, 16]]]])
output, indices = pool(inp)
out = (unpool(output, indices), unpool(output, indices, output_size=torch.Size([1, 1, 5, 5])))
"""
C("max_unpool2d", MU2, """const pool = new nn.MaxPool2d(2, {stride: 2, return_indices: true});
const unpool = new nn.MaxUnpool2d(2, {stride: 2});
const inp = torch.tensor([[[[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12], [13, 14, 15, 16]]]]).float();
const [output, indices] = pool(inp);
return [unpool(output, indices), unpool(output, indices, {output_size: [1, 1, 5, 5]})];""")
C("max_unpool2d_f", """
x = torch.tensor([[[[3., 1, 0, 7], [2, 8, 4, 5], [9, 6, 1, 2], [0, 3, 5, 4]]]])
o, i = F.max_pool2d(x, 2, return_indices=True)
out = F.max_unpool2d(o, i, 2)
""", """const x = torch.tensor([[[[3, 1, 0, 7], [2, 8, 4, 5], [9, 6, 1, 2], [0, 3, 5, 4]]]]).float();
const [o, i] = F.max_pool2d(x, 2, {return_indices: true});
return F.max_unpool2d(o, i, 2);""")
C("max_unpool1d_f", """
x = torch.tensor([[[3., 1, 0, 7, 2, 8]]])
o, i = F.max_pool1d(x, 2, return_indices=True)
out = F.max_unpool1d(o, i, 2)
""", """const x = torch.tensor([[[3, 1, 0, 7, 2, 8]]]).float();
const [o, i] = F.max_pool1d(x, 2, {return_indices: true});
return F.max_unpool1d(o, i, 2);""")
C("max_pool2d_indices", "F.max_pool2d(torch.tensor([[[[3., 1, 0, 7], [2, 8, 4, 5], [9, 6, 1, 2], [0, 3, 5, 4]]]]), 2, return_indices=True)",
  "F.max_pool2d(torch.tensor([[[[3, 1, 0, 7], [2, 8, 4, 5], [9, 6, 1, 2], [0, 3, 5, 4]]]]).float(), 2, {return_indices: true})")
C("avg_pool1d", "F.avg_pool1d(torch.tensor([[[1., 2, 3, 4, 5, 6, 7]]]), kernel_size=3, stride=2)", "F.avg_pool1d(torch.tensor([[[1, 2, 3, 4, 5, 6, 7]]]).float(), {kernel_size: 3, stride: 2})")
C("avg_pool2d_ceil", "F.avg_pool2d(torch.arange(25.).view(1, 1, 5, 5), 2, ceil_mode=True)", "F.avg_pool2d(torch.arange(25).float().view(1, 1, 5, 5), 2, {ceil_mode: true})")
C("avg_pool2d_pad_nocount", "F.avg_pool2d(%s, 3, stride=2, padding=1, count_include_pad=False)" % X4, "F.avg_pool2d(%s, 3, {stride: 2, padding: 1, count_include_pad: false})" % X4T)
C("max_pool1d_dil", "F.max_pool1d(torch.tensor([[[3., 1, 0, 7, 2, 8, 5]]]), 2, dilation=2)", "F.max_pool1d(torch.tensor([[[3, 1, 0, 7, 2, 8, 5]]]).float(), 2, {dilation: 2})")
C("adaptive_avg_pool2d", "nn.AdaptiveAvgPool2d((5, 7))(torch.arange(64.).view(1, 1, 8, 8))", "new nn.AdaptiveAvgPool2d([5, 7])(torch.arange(64).float().view(1, 1, 8, 8))")
C("adaptive_avg_pool2d_none", "nn.AdaptiveAvgPool2d((None, 3))(torch.arange(40.).view(1, 1, 5, 8))", "new nn.AdaptiveAvgPool2d([null, 3])(torch.arange(40).float().view(1, 1, 5, 8))")
C("adaptive_max_pool1d", "nn.AdaptiveMaxPool1d(3)(torch.tensor([[[3., 1, 0, 7, 2, 8, 5]]]))", "new nn.AdaptiveMaxPool1d(3)(torch.tensor([[[3, 1, 0, 7, 2, 8, 5]]]).float())")
C("pixel_shuffle", "nn.PixelShuffle(2)(torch.arange(16.).view(1, 4, 2, 2))", "new nn.PixelShuffle(2)(torch.arange(16).float().view(1, 4, 2, 2))")
C("pixel_unshuffle", "nn.PixelUnshuffle(2)(torch.arange(16.).view(1, 1, 4, 4))", "new nn.PixelUnshuffle(2)(torch.arange(16).float().view(1, 1, 4, 4))")
C("channel_shuffle", "nn.ChannelShuffle(2)(torch.arange(16.).view(1, 4, 2, 2))", "new nn.ChannelShuffle(2)(torch.arange(16).float().view(1, 4, 2, 2))")
C("upsample_nearest", "nn.Upsample(scale_factor=2, mode='nearest')(torch.arange(1., 5.).view(1, 1, 2, 2))", "new nn.Upsample({scale_factor: 2, mode: 'nearest'})(torch.arange(1, 5).float().view(1, 1, 2, 2))")
C("upsample_bilinear", "nn.Upsample(scale_factor=2, mode='bilinear')(torch.arange(1., 5.).view(1, 1, 2, 2))", "new nn.Upsample({scale_factor: 2, mode: 'bilinear'})(torch.arange(1, 5).float().view(1, 1, 2, 2))")
C("upsample_bilinear_ac", "nn.Upsample(scale_factor=2, mode='bilinear', align_corners=True)(torch.arange(1., 5.).view(1, 1, 2, 2))", "new nn.Upsample({scale_factor: 2, mode: 'bilinear', align_corners: true})(torch.arange(1, 5).float().view(1, 1, 2, 2))")
C("fold", "nn.Fold(output_size=(3, 3), kernel_size=(2, 2))(torch.arange(16.).view(1, 4, 4))", "new nn.Fold({output_size: [3, 3], kernel_size: [2, 2]})(torch.arange(16).float().view(1, 4, 4))")
C("unfold", "nn.Unfold(kernel_size=(2, 3))(torch.arange(16.).view(1, 1, 4, 4))", "new nn.Unfold({kernel_size: [2, 3]})(torch.arange(16).float().view(1, 1, 4, 4))")
C("flatten_module", "nn.Flatten(0, 2)(torch.zeros(32, 1, 5, 5)).shape", "new nn.Flatten(0, 2)(torch.zeros(32, 1, 5, 5)).shape")
C("unflatten_module", "nn.Unflatten(1, (2, 5, 5))(torch.zeros(2, 50)).shape", "new nn.Unflatten(1, [2, 5, 5])(torch.zeros(2, 50)).shape")
ACTS = "torch.tensor([-3., -1.5, -0.5, 0., 0.5, 1.5, 3.])"
ACTS_T = "torch.tensor([-3, -1.5, -0.5, 0, 0.5, 1.5, 3])"
for mod in ["ReLU()", "ReLU6()", "ELU()", "ELU(alpha=0.5)", "SELU()", "CELU(alpha=2.0)", "GELU()", "GELU(approximate='tanh')", "SiLU()", "Mish()",
            "Hardswish()", "Hardsigmoid()", "Hardtanh(-2, 2)", "LeakyReLU(0.1)", "LogSigmoid()", "Softplus(beta=2, threshold=2)", "Softshrink(0.5)",
            "Hardshrink(0.5)", "Softsign()", "Tanhshrink()", "Threshold(0.1, 20)", "Sigmoid()", "Tanh()"]:
    ts = mod.replace("alpha=", "{alpha: ").replace("approximate=", "{approximate: ").replace("beta=2, threshold=2", "{beta: 2, threshold: 2}")
    if "{alpha: " in ts or "{approximate: " in ts:
        ts = ts[:-1] + "})"
    C("act_" + mod.replace("(", "_").replace(")", "").replace("=", "").replace("'", "").replace(", ", "_").replace(".", "p"), "nn.%s(%s)" % (mod, ACTS), "new nn.%s(%s)" % (ts, ACTS_T))
C("prelu", "nn.PReLU()(%s)" % ACTS, "new nn.PReLU()(%s)" % ACTS_T)
C("linear_f", "F.linear(torch.arange(6.).view(2, 3), torch.arange(12.).view(4, 3) / 10, torch.arange(4.))", "F.linear(torch.arange(6).float().view(2, 3), torch.arange(12).float().view(4, 3).div(10), torch.arange(4).float())")
C("bilinear_f", "F.bilinear(torch.arange(4.).view(2, 2), torch.arange(6.).view(2, 3), torch.arange(12.).view(2, 2, 3) / 10)", "F.bilinear(torch.arange(4).float().view(2, 2), torch.arange(6).float().view(2, 3), torch.arange(12).float().view(2, 2, 3).div(10))")
# nn modules from their docstrings, with the random weights replaced by fixed ones
def M(name, make_py, make_ts, x_py, x_ts):
    """make_*: the module; its parameters are then set to arange-based values (as the docs' shapes)."""
    py = ("m = %s\nwith torch.no_grad():\n    for i, q in enumerate(m.parameters()):\n        q.copy_((torch.arange(q.numel(), dtype=torch.float32).view(q.shape) %% 7 - 3) / (7 + i))\n"
          "out = m(%s)\n") % (make_py, x_py)
    ts = ("const m = %s;\ntorch.no_grad(() => m.parameters().forEach((q, i) => q.copy_(torch.arange(q.numel(), {dtype: torch.float32}).view(q.shape).remainder(7).sub(3).div(7 + i))));\n"
          "return m(%s);") % (make_ts, x_ts)
    C("module_" + name, py, ts)


XI = "torch.arange(40.).view(2, 4, 5) / 10"
XI_T = "torch.arange(40).float().view(2, 4, 5).div(10)"
XM = "torch.arange(72.).view(2, 4, 3, 3) / 10"
XM_T = "torch.arange(72).float().view(2, 4, 3, 3).div(10)"
M("Linear", "nn.Linear(5, 3)", "new nn.Linear(5, 3)", XI, XI_T)
M("Linear_nobias", "nn.Linear(5, 3, bias=False)", "new nn.Linear(5, 3, {bias: false})", XI, XI_T)
M("Bilinear", "nn.Bilinear(5, 5, 2)", "new nn.Bilinear(5, 5, 2)", XI + ", (" + XI + ").flip(2)", XI_T + ", " + XI_T + ".flip(2)")
M("Conv1d", "nn.Conv1d(4, 3, 3, stride=2)", "new nn.Conv1d(4, 3, 3, {stride: 2})", XI, XI_T)
M("Conv1d_same", "nn.Conv1d(4, 2, 3, padding='same', dilation=2)", "new nn.Conv1d(4, 2, 3, {padding: 'same', dilation: 2})", XI, XI_T)
M("Conv1d_groups_reflect", "nn.Conv1d(4, 4, 3, groups=2, padding=1, padding_mode='reflect')", "new nn.Conv1d(4, 4, 3, {groups: 2, padding: 1, padding_mode: 'reflect'})", XI, XI_T)
M("Conv2d", "nn.Conv2d(4, 2, (2, 3), stride=(1, 2), padding=(1, 1))", "new nn.Conv2d(4, 2, [2, 3], {stride: [1, 2], padding: [1, 1]})", XM, XM_T)
M("Conv2d_circular", "nn.Conv2d(4, 2, 3, padding=1, padding_mode='circular')", "new nn.Conv2d(4, 2, 3, {padding: 1, padding_mode: 'circular'})", XM, XM_T)
M("ConvTranspose1d", "nn.ConvTranspose1d(4, 3, 3, stride=2)", "new nn.ConvTranspose1d(4, 3, 3, {stride: 2})", XI, XI_T)
M("ConvTranspose1d_groups_pad", "nn.ConvTranspose1d(4, 2, 2, stride=2, padding=1, output_padding=1, groups=2, dilation=2)",
  "new nn.ConvTranspose1d(4, 2, 2, {stride: 2, padding: 1, output_padding: 1, groups: 2, dilation: 2})", XI, XI_T)
C("convtranspose1d_output_size_repr", """
m = nn.ConvTranspose1d(2, 1, 3, stride=2, padding=1, bias=False)
with torch.no_grad():
    m.weight.copy_(torch.arange(6.).view(2, 1, 3) / 10)
x = torch.arange(8.).view(1, 2, 4)
out = (m(x), m(x, output_size=[8]), repr(m) == 'ConvTranspose1d(2, 1, kernel_size=(3,), stride=(2,), padding=(1,), bias=False)')
""", """const m = new nn.ConvTranspose1d(2, 1, 3, {stride: 2, padding: 1, bias: false});
torch.no_grad(() => m.weight.copy_(torch.arange(6).float().view(2, 1, 3).div(10)));
const x = torch.arange(8).float().view(1, 2, 4);
return [m(x), m(x, {output_size: [8]}), String(m) === 'ConvTranspose1d(2, 1, kernel_size=(3,), stride=(2,), padding=(1,), bias=False)'];""")
M("ConvTranspose2d_groups", "nn.ConvTranspose2d(4, 2, 2, stride=2, groups=2)", "new nn.ConvTranspose2d(4, 2, 2, {stride: 2, groups: 2})", XM, XM_T)
M("BatchNorm1d", "nn.BatchNorm1d(4)", "new nn.BatchNorm1d(4)", XI, XI_T)
M("BatchNorm2d_noaffine", "nn.BatchNorm2d(4, affine=False)", "new nn.BatchNorm2d(4, {affine: false})", XM, XM_T)
M("InstanceNorm2d_affine", "nn.InstanceNorm2d(4, affine=True)", "new nn.InstanceNorm2d(4, {affine: true})", XM, XM_T)
M("GroupNorm", "nn.GroupNorm(2, 4)", "new nn.GroupNorm(2, 4)", XM, XM_T)
M("LayerNorm", "nn.LayerNorm([3, 3])", "new nn.LayerNorm([3, 3])", XM, XM_T)
M("PReLU_channels", "nn.PReLU(4)", "new nn.PReLU(4)", "(" + XM + ") - 3", XM_T + ".sub(3)")
M("Embedding_padding", "nn.Embedding(10, 3, padding_idx=2)", "new nn.Embedding(10, 3, {padding_idx: 2})", "torch.tensor([[1, 2, 4, 5], [4, 3, 2, 9]])", "torch.tensor([[1, 2, 4, 5], [4, 3, 2, 9]])")
M("MaxPool2d_dilation", "nn.MaxPool2d(2, stride=1, dilation=2)", "new nn.MaxPool2d(2, {stride: 1, dilation: 2})", "torch.arange(50.).view(1, 2, 5, 5).cos()", "torch.arange(50).float().view(1, 2, 5, 5).cos()")
M("AvgPool2d_divisor", "nn.AvgPool2d(3, stride=2, padding=1, divisor_override=4)", "new nn.AvgPool2d(3, {stride: 2, padding: 1, divisor_override: 4})", XM, XM_T)
M("MaxPool1d_ceil", "nn.MaxPool1d(2, ceil_mode=True)", "new nn.MaxPool1d(2, {ceil_mode: true})", "(" + XI + ").cos()", XI_T + ".cos()")
M("AvgPool1d", "nn.AvgPool1d(3, stride=2, padding=1)", "new nn.AvgPool1d(3, {stride: 2, padding: 1})", XI, XI_T)
M("AdaptiveMaxPool2d", "nn.AdaptiveMaxPool2d((2, 2))", "new nn.AdaptiveMaxPool2d([2, 2])", "(" + XM + ").sin()", XM_T + ".sin()")
M("Sequential", "nn.Sequential(nn.Conv2d(4, 2, 2), nn.ReLU(), nn.Flatten(), nn.Linear(8, 3))", "new nn.Sequential(new nn.Conv2d(4, 2, 2), new nn.ReLU(), new nn.Flatten(), new nn.Linear(8, 3))", XM, XM_T)
M("GRUCell", "nn.GRUCell(5, 3)", "new nn.GRUCell(5, 3)", "(" + XI + ")[0]", XI_T + ".get(0)")
M("LSTMCell", "nn.LSTMCell(5, 3)", "new nn.LSTMCell(5, 3)", "(" + XI + ")[0]", XI_T + ".get(0)")
M("RNNCell", "nn.RNNCell(5, 3, nonlinearity='relu')", "new nn.RNNCell(5, 3, {nonlinearity: 'relu'})", "(" + XI + ")[0]", XI_T + ".get(0)")
M("GRU", "nn.GRU(5, 3, batch_first=True)", "new nn.GRU(5, 3, {batch_first: true})", XI, XI_T)
M("LSTM_2layers", "nn.LSTM(5, 3, 2)", "new nn.LSTM(5, 3, 2)", XI, XI_T)
M("LSTM_bidirectional_proj", "nn.LSTM(5, 4, bidirectional=True, proj_size=2)", "new nn.LSTM(5, 4, {bidirectional: true, proj_size: 2})", XI, XI_T)
M("MultiheadAttention", "nn.MultiheadAttention(5, 1, batch_first=True)", "new nn.MultiheadAttention(5, 1, {batch_first: true})", XI + ", " + XI + ", " + XI, XI_T + ", " + XI_T + ", " + XI_T)

# losses from the docs
LOSS_IN = "torch.tensor([[0.2, -1.0, 0.5, 1.5, -0.3], [1.1, 0.4, -0.7, 0.0, 2.0], [-0.5, 0.9, 0.3, -1.2, 0.6]])"
C("cross_entropy", "F.cross_entropy(%s, torch.tensor([1, 0, 4]))" % LOSS_IN)
C("cross_entropy_probs", "F.cross_entropy(%s, torch.softmax(%s.flip(0), dim=1))" % (LOSS_IN, LOSS_IN), "F.cross_entropy(%s, torch.softmax(%s.flip(0), 1))" % (LOSS_IN, LOSS_IN))
C("cross_entropy_smoothing", "F.cross_entropy(%s, torch.tensor([1, 0, 4]), label_smoothing=0.1)" % LOSS_IN, "F.cross_entropy(%s, torch.tensor([1, 0, 4]), {label_smoothing: 0.1})" % LOSS_IN)
C("nll_loss", "F.nll_loss(F.log_softmax(%s, dim=1), torch.tensor([1, 0, 4]))" % LOSS_IN, "F.nll_loss(F.log_softmax(%s, {dim: 1}), torch.tensor([1, 0, 4]))" % LOSS_IN)
C("nll_loss_weight", "nn.NLLLoss(weight=torch.tensor([1., 2, 3, 4, 5]))(F.log_softmax(%s, dim=1), torch.tensor([1, 0, 4]))" % LOSS_IN,
  "new nn.NLLLoss({weight: torch.tensor([1, 2, 3, 4, 5]).float()})(F.log_softmax(%s, {dim: 1}), torch.tensor([1, 0, 4]))" % LOSS_IN)
C("bce", "nn.BCELoss()(torch.sigmoid(torch.tensor([0.3, -1.2, 2.0])), torch.tensor([0., 1, 1]))", "new nn.BCELoss()(torch.sigmoid(torch.tensor([0.3, -1.2, 2.0])), torch.tensor([0, 1, 1]).float())")
C("bce_logits_pos_weight", "nn.BCEWithLogitsLoss(pos_weight=torch.ones([3]) * 1.5)(torch.tensor([[0.3, -1.2, 2.0]]), torch.tensor([[0., 1, 1]]))",
  "new nn.BCEWithLogitsLoss({pos_weight: torch.ones([3]).mul(1.5)})(torch.tensor([[0.3, -1.2, 2.0]]), torch.tensor([[0, 1, 1]]).float())")
C("l1_loss", "nn.L1Loss()(torch.arange(6.).view(2, 3), torch.ones(2, 3))", "new nn.L1Loss()(torch.arange(6).float().view(2, 3), torch.ones(2, 3))")
C("mse_loss_sum", "nn.MSELoss(reduction='sum')(torch.arange(6.).view(2, 3), torch.ones(2, 3))", "new nn.MSELoss({reduction: 'sum'})(torch.arange(6).float().view(2, 3), torch.ones(2, 3))")
C("smooth_l1_beta", "F.smooth_l1_loss(torch.arange(6.) / 3, torch.ones(6), beta=0.5)", "F.smooth_l1_loss(torch.arange(6).float().div(3), torch.ones(6), {beta: 0.5})")
C("huber_delta", "F.huber_loss(torch.arange(6.) / 3, torch.ones(6), delta=0.5)", "F.huber_loss(torch.arange(6).float().div(3), torch.ones(6), {delta: 0.5})")
C("kl_div", "nn.KLDivLoss(reduction='batchmean')(F.log_softmax(%s, dim=1), F.softmax(%s.flip(1), dim=1))" % (LOSS_IN, LOSS_IN),
  "new nn.KLDivLoss({reduction: 'batchmean'})(F.log_softmax(%s, {dim: 1}), F.softmax(%s.flip(1), {dim: 1}))" % (LOSS_IN, LOSS_IN))
C("kl_div_log_target", "F.kl_div(F.log_softmax(%s, dim=1), F.log_softmax(%s.flip(1), dim=1), reduction='batchmean', log_target=True)" % (LOSS_IN, LOSS_IN),
  "F.kl_div(F.log_softmax(%s, {dim: 1}), F.log_softmax(%s.flip(1), {dim: 1}), {reduction: 'batchmean', log_target: true})" % (LOSS_IN, LOSS_IN))
C("poisson_nll", "nn.PoissonNLLLoss()(%s, torch.arange(15.).view(3, 5) %% 4)" % LOSS_IN, "new nn.PoissonNLLLoss()(%s, torch.arange(15).float().view(3, 5).remainder(4))" % LOSS_IN)
C("gaussian_nll", "nn.GaussianNLLLoss()(%s, torch.ones(3, 5), torch.ones(3, 1))" % LOSS_IN, "new nn.GaussianNLLLoss()(%s, torch.ones(3, 5), torch.ones(3, 1))" % LOSS_IN)
C("margin_ranking", "nn.MarginRankingLoss()(torch.tensor([0.3, -1.2, 2.0]), torch.tensor([0.5, 0.1, -0.4]), torch.tensor([1., -1, 1]))",
  "new nn.MarginRankingLoss()(torch.tensor([0.3, -1.2, 2.0]), torch.tensor([0.5, 0.1, -0.4]), torch.tensor([1, -1, 1]).float())")
C("triplet_margin", "nn.TripletMarginLoss(margin=1.0, p=2)(%s, %s.flip(0), %s.flip(1))" % (LOSS_IN, LOSS_IN, LOSS_IN),
  "new nn.TripletMarginLoss({margin: 1.0, p: 2})(%s, %s.flip(0), %s.flip(1))" % (LOSS_IN, LOSS_IN, LOSS_IN))
C("multilabel_margin", "nn.MultiLabelMarginLoss()(torch.FloatTensor([[0.1, 0.2, 0.4, 0.8]]), torch.LongTensor([[3, 0, -1, 1]]))",
  "new nn.MultiLabelMarginLoss()(torch.FloatTensor([[0.1, 0.2, 0.4, 0.8]]), torch.LongTensor([[3, 0, -1, 1]]))")
C("multi_margin", "nn.MultiMarginLoss()(torch.tensor([[0.1, 0.2, 0.4, 0.8]]), torch.tensor([3]))", "new nn.MultiMarginLoss()(torch.tensor([[0.1, 0.2, 0.4, 0.8]]), torch.tensor([3]))")
C("ctc_loss", "F.ctc_loss(F.log_softmax(torch.arange(30.).view(5, 1, 6).cos(), 2), torch.tensor([[1, 2, 2]]), (5,), (3,))",
  "F.ctc_loss(F.log_softmax(torch.arange(30).float().view(5, 1, 6).cos(), 2), torch.tensor([[1, 2, 2]]), [5], [3])")
C("cross_entropy_bad_target", "F.cross_entropy(%s, torch.tensor([1, 0, 5]))" % LOSS_IN, keys=["Target", "5"])

# gradients of the ops torchlab builds from others (quantile, fmax, lp_pool, max_unpool, conv_transpose1d, ...):
# `out` is the inputs' .grad after backward of a weighted sum of the result.
def G(name, inputs_py, expr_py, inputs_ts, expr_ts, leaves):
    """inputs_*: statements defining the leaves; expr_*: the op; the loss is (result * w).sum() for a
    fixed w = 1, 2, 3, ... over the result's elements."""
    names = ", ".join(leaves)
    py = "%s\nr = %s\nw = torch.arange(1., r.numel() + 1).view(r.shape)\n(r * w).sum().backward()\nout = [%s]\n" % (
        inputs_py, expr_py, ", ".join(l + ".grad" for l in leaves))
    ts = "%s\nconst r = %s;\nconst w = torch.arange(1, r.numel() + 1).float().view(r.shape);\nr.mul(w).sum().backward();\nreturn [%s];" % (
        inputs_ts, expr_ts, ", ".join(l + ".grad" for l in leaves))
    C("grad_" + name, py, ts)


XQ_PY = "x = torch.tensor([[3., 1, 4, 1, 5], [9, 2, 6, 5, 3]], requires_grad=True)"
XQ_TS = "const x = torch.tensor([[3, 1, 4, 1, 5], [9, 2, 6, 5, 3]], {dtype: torch.float32, requires_grad: true});"
for interp in ["linear", "lower", "higher", "midpoint", "nearest"]:
    G("quantile_" + interp, XQ_PY, "torch.quantile(x, torch.tensor([0.1, 0.5, 0.8]), dim=1, interpolation='%s')" % interp,
      XQ_TS, "torch.quantile(x, torch.tensor([0.1, 0.5, 0.8]), {dim: 1, interpolation: '%s'})" % interp, ["x"])
G("quantile_all", XQ_PY, "torch.quantile(x, 0.3)", XQ_TS, "torch.quantile(x, 0.3)", ["x"])
XN_PY = "x = torch.tensor([[3., float('nan'), 4, 1], [float('nan'), 2, 6, 5]], requires_grad=True)"
XN_TS = "const x = torch.tensor([[3, NaN, 4, 1], [NaN, 2, 6, 5]], {requires_grad: true});"
G("nanquantile", XN_PY, "torch.nanquantile(x, 0.4, dim=1)", XN_TS, "torch.nanquantile(x, 0.4, {dim: 1})", ["x"])
G("nanmedian_dim", XN_PY, "torch.nanmedian(x, 1).values", XN_TS, "torch.nanmedian(x, 1).values", ["x"])
G("nanmedian_all", XN_PY, "torch.nanmedian(x)", XN_TS, "torch.nanmedian(x)", ["x"])
G("fmax", "a = torch.tensor([1., float('nan'), 3, 2], requires_grad=True)\nb = torch.tensor([2., 5, float('nan'), 2], requires_grad=True)", "torch.fmax(a, b)",
  "const a = torch.tensor([1, NaN, 3, 2], {dtype: torch.float32, requires_grad: true});\nconst b = torch.tensor([2, 5, NaN, 2], {dtype: torch.float32, requires_grad: true});", "torch.fmax(a, b)", ["a", "b"])
G("fmin", "a = torch.tensor([1., float('nan'), 3, 2], requires_grad=True)\nb = torch.tensor([2., 5, float('nan'), 2], requires_grad=True)", "torch.fmin(a, b)",
  "const a = torch.tensor([1, NaN, 3, 2], {dtype: torch.float32, requires_grad: true});\nconst b = torch.tensor([2, 5, NaN, 2], {dtype: torch.float32, requires_grad: true});", "torch.fmin(a, b)", ["a", "b"])
XP_PY = "x = (torch.arange(32.).view(1, 2, 4, 4) / 7 - 1).requires_grad_()"
XP_TS = "const x = torch.arange(32).float().view(1, 2, 4, 4).div(7).sub(1).requires_grad_();"
G("lp_pool2d", XP_PY, "F.lp_pool2d(x, 3, 2)", XP_TS, "F.lp_pool2d(x, 3, 2)", ["x"])
G("lp_pool1d", "x = (torch.arange(10.).view(2, 5) / 3 + 0.5).requires_grad_()", "F.lp_pool1d(x, 2, 2, stride=1)",
  "const x = torch.arange(10).float().view(2, 5).div(3).add(0.5).requires_grad_();", "F.lp_pool1d(x, 2, 2, {stride: 1})", ["x"])
G("max_unpool2d", XP_PY + "\no, i = F.max_pool2d(x, 2, return_indices=True)", "F.max_unpool2d(o, i, 2, output_size=[5, 5])",
  XP_TS + "\nconst [o, i] = F.max_pool2d(x, 2, {return_indices: true});", "F.max_unpool2d(o, i, 2, {output_size: [5, 5]})", ["x"])
G("conv_transpose1d", "x = (torch.arange(10.).view(1, 2, 5) / 4).requires_grad_()\nwt = (torch.arange(12.).view(2, 3, 2) / 10 - 0.3).requires_grad_()\nb = torch.tensor([0.1, -0.2, 0.3], requires_grad=True)",
  "F.conv_transpose1d(x, wt, b, stride=2, padding=1, output_padding=1)",
  "const x = torch.arange(10).float().view(1, 2, 5).div(4).requires_grad_();\nconst wt = torch.arange(12).float().view(2, 3, 2).div(10).sub(0.3).requires_grad_();\nconst b = torch.tensor([0.1, -0.2, 0.3], {requires_grad: true});",
  "F.conv_transpose1d(x, wt, b, {stride: 2, padding: 1, output_padding: 1})", ["x", "wt", "b"])
G("cosine_similarity_bcast", "a = (torch.arange(10.).view(2, 5) - 3).requires_grad_()\nb = torch.tensor([1., -2, 0.5, 3, 1], requires_grad=True)", "F.cosine_similarity(a, b)",
  "const a = torch.arange(10).float().view(2, 5).sub(3).requires_grad_();\nconst b = torch.tensor([1, -2, 0.5, 3, 1], {dtype: torch.float32, requires_grad: true});", "F.cosine_similarity(a, b)", ["a", "b"])
G("softmax2d", "x = (torch.arange(12.).view(1, 3, 2, 2) / 5).requires_grad_()", "nn.Softmax2d()(x)",
  "const x = torch.arange(12).float().view(1, 3, 2, 2).div(5).requires_grad_();", "new nn.Softmax2d()(x)", ["x"])
G("reflection_pad1d", "x = torch.arange(8.).view(1, 2, 4).requires_grad_()", "nn.ReflectionPad1d((3, 1))(x)",
  "const x = torch.arange(8).float().view(1, 2, 4).requires_grad_();", "new nn.ReflectionPad1d([3, 1])(x)", ["x"])
G("replication_pad1d", "x = torch.arange(8.).view(1, 2, 4).requires_grad_()", "nn.ReplicationPad1d((3, 1))(x)",
  "const x = torch.arange(8).float().view(1, 2, 4).requires_grad_();", "new nn.ReplicationPad1d([3, 1])(x)", ["x"])
G("embedding_from_pretrained_unfrozen", "e = nn.Embedding.from_pretrained(torch.arange(6.).view(3, 2), freeze=False)", "e(torch.tensor([2, 0, 2]))",
  "const e = nn.Embedding.from_pretrained(torch.arange(6).float().view(3, 2), {freeze: false});", "e(torch.tensor([2, 0, 2]))", ["e.weight"])
G("embedding_bag_from_pretrained_unfrozen", "e = nn.EmbeddingBag.from_pretrained(torch.arange(6.).view(3, 2), freeze=False, mode='sum')", "e(torch.tensor([[2, 0], [1, 2]]))",
  "const e = nn.EmbeddingBag.from_pretrained(torch.arange(6).float().view(3, 2), {freeze: false, mode: 'sum'});", "e(torch.tensor([[2, 0], [1, 2]]))", ["e.weight"])
G("unflatten", "x = torch.arange(6.).requires_grad_()", "x.unflatten(0, (2, 3)) ** 2", "const x = torch.arange(6).float().requires_grad_();", "x.unflatten(0, [2, 3]).pow(2)", ["x"])
G("diagonal_dims", "x = torch.arange(24.).view(2, 3, 4).requires_grad_()", "torch.diagonal(x, offset=1, dim1=0, dim2=2)",
  "const x = torch.arange(24).float().view(2, 3, 4).requires_grad_();", "torch.diagonal(x, {offset: 1, dim1: 0, dim2: 2})", ["x"])

for red in ["sum", "prod", "mean", "amax", "amin"]:
    for inc in [True, False]:
        G("scatter_reduce_%s%s" % (red, "" if inc else "_no_self"),
          "x = torch.tensor([1., 2., 3., 4.], requires_grad=True)\nsrc = torch.tensor([3., 2., 0.5, 2., 5., 6.], requires_grad=True)",
          "x.scatter_reduce(0, torch.tensor([0, 1, 0, 1, 2, 1]), src, reduce='%s', include_self=%s)" % (red, inc),
          "const x = torch.tensor([1, 2, 3, 4], {dtype: torch.float32, requires_grad: true});\nconst src = torch.tensor([3, 2, 0.5, 2, 5, 6], {requires_grad: true});",
          "x.scatter_reduce(0, torch.tensor([0, 1, 0, 1, 2, 1]), src, '%s', {include_self: %s})" % (red, "true" if inc else "false"), ["x", "src"])

G("copysign", "a = torch.tensor([1.5, -2., 0., 3.], requires_grad=True)", "torch.copysign(a, torch.tensor([-1., -1., 1., 0.]))",
  "const a = torch.tensor([1.5, -2, 0, 3], {requires_grad: true});", "torch.copysign(a, torch.tensor([-1, -1, 1, 0], {dtype: torch.float32}))", ["a"])
G("corrcoef", "a = torch.tensor([[0.7, 1.0, 0.5, 1.4], [-0.1, 1.5, 0.4, 0.4]], requires_grad=True)", "torch.corrcoef(a)",
  "const a = torch.tensor([[0.7, 1.0, 0.5, 1.4], [-0.1, 1.5, 0.4, 0.4]], {requires_grad: true});", "torch.corrcoef(a)", ["a"])

for fn, vals in [("asinh", "[-1.5, 0.2, 3.0]"), ("acosh", "[1.5, 2.0, 4.0]"), ("atanh", "[-0.5, 0.2, 0.9]")]:
    G(fn, "x = torch.tensor(%s, requires_grad=True)" % vals, "torch.%s(x)" % fn, "const x = torch.tensor(%s, {dtype: torch.float32, requires_grad: true});" % vals, "torch.%s(x)" % fn, ["x"])

# torch.optim.lr_scheduler: the learning rate over the epochs
def sched(name, make_py, make_ts, epochs=10, metric=False):
    py = ("p = torch.nn.Parameter(torch.zeros(1))\nopt = torch.optim.SGD([p], lr=0.1, momentum=0.9)\n%s\nout = []\n"
          "for epoch in range(%d):\n    out.append(opt.param_groups[0]['lr'])\n    opt.step()\n    scheduler.step(%s)\n") % (make_py, epochs, "[1, 1, 1, 1, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5][epoch]" if metric else "")
    ts = ("const p = new nn.Parameter(torch.zeros(1));\nconst opt = new torch.optim.SGD([p], {lr: 0.1, momentum: 0.9});\n%s\nconst out = [];\n"
          "for (let epoch = 0; epoch < %d; epoch++) {\n  out.push(opt.param_groups[0].lr);\n  opt.step();\n  scheduler.step(%s);\n}\nreturn out;") % (make_ts, epochs, "[1, 1, 1, 1, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5][epoch]" if metric else "")
    C("lr_" + name, py, ts)


S = "lr_scheduler."
sched("StepLR", "scheduler = lr_scheduler.StepLR(opt, step_size=3, gamma=0.1)", "const scheduler = new lr_scheduler.StepLR(opt, {step_size: 3, gamma: 0.1});")
sched("MultiStepLR", "scheduler = lr_scheduler.MultiStepLR(opt, milestones=[3, 7], gamma=0.1)", "const scheduler = new lr_scheduler.MultiStepLR(opt, {milestones: [3, 7], gamma: 0.1});")
sched("ExponentialLR", "scheduler = lr_scheduler.ExponentialLR(opt, gamma=0.9)", "const scheduler = new lr_scheduler.ExponentialLR(opt, {gamma: 0.9});")
sched("CosineAnnealingLR", "scheduler = lr_scheduler.CosineAnnealingLR(opt, T_max=4, eta_min=0.01)", "const scheduler = new lr_scheduler.CosineAnnealingLR(opt, {T_max: 4, eta_min: 0.01});")
sched("LambdaLR", "scheduler = lr_scheduler.LambdaLR(opt, lr_lambda=lambda epoch: 0.95 ** epoch)", "const scheduler = new lr_scheduler.LambdaLR(opt, (epoch) => 0.95 ** epoch);")
sched("MultiplicativeLR", "scheduler = lr_scheduler.MultiplicativeLR(opt, lr_lambda=lambda epoch: 0.95)", "const scheduler = new lr_scheduler.MultiplicativeLR(opt, (epoch) => 0.95);")
sched("ConstantLR", "scheduler = lr_scheduler.ConstantLR(opt, factor=0.5, total_iters=4)", "const scheduler = new lr_scheduler.ConstantLR(opt, {factor: 0.5, total_iters: 4});")
sched("LinearLR", "scheduler = lr_scheduler.LinearLR(opt, start_factor=0.5, total_iters=4)", "const scheduler = new lr_scheduler.LinearLR(opt, {start_factor: 0.5, total_iters: 4});")
sched("PolynomialLR", "scheduler = lr_scheduler.PolynomialLR(opt, total_iters=4, power=1.0)", "const scheduler = new lr_scheduler.PolynomialLR(opt, {total_iters: 4, power: 1.0});")
sched("PolynomialLR_p2", "scheduler = lr_scheduler.PolynomialLR(opt, total_iters=6, power=2.0)", "const scheduler = new lr_scheduler.PolynomialLR(opt, {total_iters: 6, power: 2.0});")
sched("SequentialLR", "scheduler = lr_scheduler.SequentialLR(opt, schedulers=[lr_scheduler.ConstantLR(opt, factor=0.1, total_iters=2), lr_scheduler.ExponentialLR(opt, gamma=0.9)], milestones=[2])",
      "const scheduler = new lr_scheduler.SequentialLR(opt, {schedulers: [new lr_scheduler.ConstantLR(opt, {factor: 0.1, total_iters: 2}), new lr_scheduler.ExponentialLR(opt, {gamma: 0.9})], milestones: [2]});")
sched("ChainedScheduler", "scheduler = lr_scheduler.ChainedScheduler([lr_scheduler.ConstantLR(opt, factor=0.1, total_iters=2), lr_scheduler.ExponentialLR(opt, gamma=0.9)])",
      "const scheduler = new lr_scheduler.ChainedScheduler([new lr_scheduler.ConstantLR(opt, {factor: 0.1, total_iters: 2}), new lr_scheduler.ExponentialLR(opt, {gamma: 0.9})]);")
sched("CosineAnnealingWarmRestarts", "scheduler = lr_scheduler.CosineAnnealingWarmRestarts(opt, T_0=3, T_mult=2, eta_min=0.001)", "const scheduler = new lr_scheduler.CosineAnnealingWarmRestarts(opt, {T_0: 3, T_mult: 2, eta_min: 0.001});", epochs=12)
sched("OneCycleLR", "scheduler = lr_scheduler.OneCycleLR(opt, max_lr=0.01, steps_per_epoch=5, epochs=2)", "const scheduler = new lr_scheduler.OneCycleLR(opt, {max_lr: 0.01, steps_per_epoch: 5, epochs: 2});")
sched("OneCycleLR_linear", "scheduler = lr_scheduler.OneCycleLR(opt, max_lr=0.01, total_steps=10, anneal_strategy='linear', three_phase=True)", "const scheduler = new lr_scheduler.OneCycleLR(opt, {max_lr: 0.01, total_steps: 10, anneal_strategy: 'linear', three_phase: true});")
sched("CyclicLR", "scheduler = lr_scheduler.CyclicLR(opt, base_lr=0.01, max_lr=0.1, step_size_up=3)", "const scheduler = new lr_scheduler.CyclicLR(opt, {base_lr: 0.01, max_lr: 0.1, step_size_up: 3});", epochs=12)
sched("CyclicLR_triangular2", "scheduler = lr_scheduler.CyclicLR(opt, base_lr=0.01, max_lr=0.1, step_size_up=2, mode='triangular2')", "const scheduler = new lr_scheduler.CyclicLR(opt, {base_lr: 0.01, max_lr: 0.1, step_size_up: 2, mode: 'triangular2'});", epochs=12)
sched("CyclicLR_exp_range", "scheduler = lr_scheduler.CyclicLR(opt, base_lr=0.01, max_lr=0.1, step_size_up=2, mode='exp_range', gamma=0.9)", "const scheduler = new lr_scheduler.CyclicLR(opt, {base_lr: 0.01, max_lr: 0.1, step_size_up: 2, mode: 'exp_range', gamma: 0.9});", epochs=12)
sched("ReduceLROnPlateau", "scheduler = lr_scheduler.ReduceLROnPlateau(opt, 'min', patience=2)", "const scheduler = new lr_scheduler.ReduceLROnPlateau(opt, 'min', {patience: 2});", epochs=12, metric=True)
sched("ReduceLROnPlateau_cooldown", "scheduler = lr_scheduler.ReduceLROnPlateau(opt, mode='max', factor=0.5, patience=1, cooldown=2)", "const scheduler = new lr_scheduler.ReduceLROnPlateau(opt, {mode: 'max', factor: 0.5, patience: 1, cooldown: 2});", epochs=12, metric=True)
sched("StepLR_last_lr", "scheduler = lr_scheduler.StepLR(opt, 2, 0.5)\nscheduler.step()\nscheduler.step()\nopt.param_groups[0]['lr'] = opt.param_groups[0]['lr']",
      "const scheduler = new lr_scheduler.StepLR(opt, 2, 0.5);\nscheduler.step();\nscheduler.step();", epochs=6)
sched("ExponentialLR_then_MultiStepLR", "s1 = lr_scheduler.ExponentialLR(opt, gamma=0.9)\ns2 = lr_scheduler.MultiStepLR(opt, milestones=[3, 5], gamma=0.5)\nclass Both:\n    def step(self):\n        s1.step(); s2.step()\nscheduler = Both()",
      "const s1 = new lr_scheduler.ExponentialLR(opt, {gamma: 0.9});\nconst s2 = new lr_scheduler.MultiStepLR(opt, {milestones: [3, 5], gamma: 0.5});\nconst scheduler = {step: () => { s1.step(); s2.step(); }};")
sched("CosineAnnealingLR_past_T_max", "scheduler = lr_scheduler.CosineAnnealingLR(opt, T_max=3)", "const scheduler = new lr_scheduler.CosineAnnealingLR(opt, {T_max: 3});", epochs=10)
sched("LambdaLR_warmup", "scheduler = lr_scheduler.LambdaLR(opt, lambda e: min(1.0, (e + 1) / 4))", "const scheduler = new lr_scheduler.LambdaLR(opt, (e) => Math.min(1.0, (e + 1) / 4));")
sched("LinearLR_end", "scheduler = lr_scheduler.LinearLR(opt, start_factor=1.0, end_factor=0.2, total_iters=5)", "const scheduler = new lr_scheduler.LinearLR(opt, {start_factor: 1.0, end_factor: 0.2, total_iters: 5});")
sched("SequentialLR_3", "scheduler = lr_scheduler.SequentialLR(opt, [lr_scheduler.LinearLR(opt, 0.25, total_iters=2), lr_scheduler.StepLR(opt, 2), lr_scheduler.ExponentialLR(opt, 0.5)], milestones=[2, 5])",
      "const scheduler = new lr_scheduler.SequentialLR(opt, [new lr_scheduler.LinearLR(opt, 0.25, {total_iters: 2}), new lr_scheduler.StepLR(opt, 2), new lr_scheduler.ExponentialLR(opt, 0.5)], [2, 5]);", epochs=10)
sched("CosineAnnealingWarmRestarts_T_mult1", "scheduler = lr_scheduler.CosineAnnealingWarmRestarts(opt, T_0=4)", "const scheduler = new lr_scheduler.CosineAnnealingWarmRestarts(opt, {T_0: 4});", epochs=10)
sched("OneCycleLR_pct", "scheduler = lr_scheduler.OneCycleLR(opt, max_lr=0.5, total_steps=12, pct_start=0.4, div_factor=10, final_div_factor=100)",
      "const scheduler = new lr_scheduler.OneCycleLR(opt, {max_lr: 0.5, total_steps: 12, pct_start: 0.4, div_factor: 10, final_div_factor: 100});", epochs=12)
sched("CyclicLR_down", "scheduler = lr_scheduler.CyclicLR(opt, base_lr=0.01, max_lr=0.1, step_size_up=2, step_size_down=4)", "const scheduler = new lr_scheduler.CyclicLR(opt, {base_lr: 0.01, max_lr: 0.1, step_size_up: 2, step_size_down: 4});", epochs=12)
sched("ReduceLROnPlateau_threshold_abs", "scheduler = lr_scheduler.ReduceLROnPlateau(opt, patience=0, threshold=0.6, threshold_mode='abs', min_lr=0.02)",
      "const scheduler = new lr_scheduler.ReduceLROnPlateau(opt, {patience: 0, threshold: 0.6, threshold_mode: 'abs', min_lr: 0.02});", epochs=12, metric=True)
C("lr_OneCycleLR_momentum", """
p = torch.nn.Parameter(torch.zeros(1))
opt = torch.optim.SGD([p], lr=0.1, momentum=0.9)
s = lr_scheduler.OneCycleLR(opt, max_lr=0.01, total_steps=6)
out = []
for _ in range(6):
    out.append(opt.param_groups[0]['momentum'])
    opt.step()
    s.step()
""", """const p = new nn.Parameter(torch.zeros(1));
const opt = new torch.optim.SGD([p], {lr: 0.1, momentum: 0.9});
const s = new lr_scheduler.OneCycleLR(opt, {max_lr: 0.01, total_steps: 6});
const out = [];
for (let i = 0; i < 6; i++) { out.push(opt.param_groups[0].momentum); opt.step(); s.step(); }
return out;""")
C("lr_OneCycleLR_adam_betas", """
p = torch.nn.Parameter(torch.zeros(1))
opt = torch.optim.Adam([p], lr=0.1)
s = lr_scheduler.OneCycleLR(opt, max_lr=0.01, total_steps=5)
out = []
for _ in range(5):
    out.append(opt.param_groups[0]['betas'][0])
    opt.step()
    s.step()
""", """const p = new nn.Parameter(torch.zeros(1));
const opt = new torch.optim.Adam([p], {lr: 0.1});
const s = new lr_scheduler.OneCycleLR(opt, {max_lr: 0.01, total_steps: 5});
const out = [];
for (let i = 0; i < 5; i++) { out.push(opt.param_groups[0].betas[0]); opt.step(); s.step(); }
return out;""")
C("lr_get_last_lr", """
p = torch.nn.Parameter(torch.zeros(1))
opt = torch.optim.SGD([{'params': [p]}, {'params': [torch.nn.Parameter(torch.zeros(1))], 'lr': 0.5}], lr=0.1)
s = lr_scheduler.StepLR(opt, 1, gamma=0.1)
opt.step()
s.step()
out = s.get_last_lr()
""", """const p = new nn.Parameter(torch.zeros(1));
const opt = new torch.optim.SGD([{params: [p]}, {params: [new nn.Parameter(torch.zeros(1))], lr: 0.5}], {lr: 0.1});
const s = new lr_scheduler.StepLR(opt, 1, {gamma: 0.1});
opt.step();
s.step();
return s.get_last_lr();""")
C("lr_CyclicLR_momentum", """
p = torch.nn.Parameter(torch.zeros(1))
opt = torch.optim.SGD([p], lr=0.1, momentum=0.9)
s = lr_scheduler.CyclicLR(opt, base_lr=0.01, max_lr=0.1, step_size_up=2)
out = []
for _ in range(6):
    out.append(opt.param_groups[0]['momentum'])
    opt.step()
    s.step()
""", """const p = new nn.Parameter(torch.zeros(1));
const opt = new torch.optim.SGD([p], {lr: 0.1, momentum: 0.9});
const s = new lr_scheduler.CyclicLR(opt, {base_lr: 0.01, max_lr: 0.1, step_size_up: 2});
const out = [];
for (let i = 0; i < 6; i++) { out.push(opt.param_groups[0].momentum); opt.step(); s.step(); }
return out;""")
C("lr_CyclicLR_no_momentum_error", """
p = torch.nn.Parameter(torch.zeros(1))
opt = torch.optim.Adagrad([p], lr=0.1)
out = lr_scheduler.CyclicLR(opt, base_lr=0.01, max_lr=0.1, cycle_momentum=True)
""", """const p = new nn.Parameter(torch.zeros(1));
const opt = new torch.optim.Adagrad([p], {lr: 0.1});
return new lr_scheduler.CyclicLR(opt, {base_lr: 0.01, max_lr: 0.1, cycle_momentum: true});""", keys=["momentum"])
C("lr_ReduceLROnPlateau_bad_mode", """
p = torch.nn.Parameter(torch.zeros(1))
opt = torch.optim.SGD([p], lr=0.1)
out = lr_scheduler.ReduceLROnPlateau(opt, mode='avg')
""", """const p = new nn.Parameter(torch.zeros(1));
const opt = new torch.optim.SGD([p], {lr: 0.1});
return new lr_scheduler.ReduceLROnPlateau(opt, {mode: 'avg'});""", keys=["mode", "avg"])
C("lr_ReduceLROnPlateau_factor", """
p = torch.nn.Parameter(torch.zeros(1))
opt = torch.optim.SGD([p], lr=0.1)
out = lr_scheduler.ReduceLROnPlateau(opt, factor=1.0)
""", """const p = new nn.Parameter(torch.zeros(1));
const opt = new torch.optim.SGD([p], {lr: 0.1});
return new lr_scheduler.ReduceLROnPlateau(opt, {factor: 1.0});""", keys=["Factor", "1.0"])
C("lr_MultiStepLR_milestones_unsorted", """
p = torch.nn.Parameter(torch.zeros(1))
opt = torch.optim.SGD([p], lr=1.0)
s = lr_scheduler.MultiStepLR(opt, milestones=[4, 2, 2], gamma=0.5)
out = []
for _ in range(6):
    out.append(opt.param_groups[0]['lr'])
    opt.step()
    s.step()
""", """const p = new nn.Parameter(torch.zeros(1));
const opt = new torch.optim.SGD([p], {lr: 1.0});
const s = new lr_scheduler.MultiStepLR(opt, {milestones: [4, 2, 2], gamma: 0.5});
const out = [];
for (let i = 0; i < 6; i++) { out.push(opt.param_groups[0].lr); opt.step(); s.step(); }
return out;""")
C("lr_LinearLR_bad_factor", """
p = torch.nn.Parameter(torch.zeros(1))
opt = torch.optim.SGD([p], lr=0.1)
out = lr_scheduler.LinearLR(opt, start_factor=1.5)
""", """const p = new nn.Parameter(torch.zeros(1));
const opt = new torch.optim.SGD([p], {lr: 0.1});
return new lr_scheduler.LinearLR(opt, {start_factor: 1.5});""", keys=["Starting multiplicative factor"])
C("lr_ConstantLR_bad_factor", """
p = torch.nn.Parameter(torch.zeros(1))
opt = torch.optim.SGD([p], lr=0.1)
out = lr_scheduler.ConstantLR(opt, factor=2)
""", """const p = new nn.Parameter(torch.zeros(1));
const opt = new torch.optim.SGD([p], {lr: 0.1});
return new lr_scheduler.ConstantLR(opt, {factor: 2});""", keys=["Constant multiplicative factor"])
C("lr_StepLR_bad_optimizer", "lr_scheduler.StepLR(3, step_size=2)", "new lr_scheduler.StepLR(3, {step_size: 2})", keys=["Optimizer"])
C("lr_OneCycleLR_too_many_steps", """
p = torch.nn.Parameter(torch.zeros(1))
opt = torch.optim.SGD([p], lr=0.1, momentum=0.9)
s = lr_scheduler.OneCycleLR(opt, max_lr=0.01, total_steps=3)
for _ in range(4):
    opt.step()
    s.step()
out = 0
""", """const p = new nn.Parameter(torch.zeros(1));
const opt = new torch.optim.SGD([p], {lr: 0.1, momentum: 0.9});
const s = new lr_scheduler.OneCycleLR(opt, {max_lr: 0.01, total_steps: 3});
for (let i = 0; i < 4; i++) { opt.step(); s.step(); }
return 0;""", keys=["5", "3"])
