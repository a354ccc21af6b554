"""Fixture for test/tutorials/ztm_vit_notebook.test.ts: Daniel Bourke's "Zero to Mastery: Learn PyTorch
for Deep Learning" (mrdbourke/pytorch-deep-learning) notebook 08 (paper replicating: a Vision
Transformer from scratch) with 05's going_modular engine (train_step / test_step / train) and
utils.save_model, the port's cells in order, run on PyTorch 1.13 at the port's sizes (32x32 images,
8x8 patches, embedding 32, 4 heads, MLP 64, 2 layers, 3 classes). Each cell records what it prints and
what Jupyter shows as its value, as gen_ztm.py does. A tuple the course builds is a list on both sides
(the dialect's arrays are lists); `img_size/patch_size` is integer division (JavaScript has one number
type); `summary(...)` (torchinfo) is the module's print and its parameter counts."""
import os
import sys
import tempfile
import warnings

import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _tutorial_common import write_json  # noqa: E402
from gen_ztm import CELLS, cell, p  # noqa: E402

warnings.simplefilter("ignore")


def show_one(v):
    if type(v) in (list, tuple):
        return "[" + ", ".join(show_one(x) for x in v) + "]"
    return repr(v)


def show(v):
    CELLS[-1]["shown"] = show_one(v)


def set_seeds(seed=42):
    torch.manual_seed(seed)
    torch.cuda.manual_seed(seed)


class PatchEmbedding(nn.Module):
    def __init__(self, in_channels=3, patch_size=16, embedding_dim=768):
        super().__init__()
        self.patcher = nn.Conv2d(in_channels=in_channels, out_channels=embedding_dim, kernel_size=patch_size, stride=patch_size, padding=0)
        self.flatten = nn.Flatten(start_dim=2, end_dim=3)

    def forward(self, x):
        image_resolution = x.shape[-1]
        assert image_resolution % PATCH[0] == 0
        x_patched = self.patcher(x)
        x_flattened = self.flatten(x_patched)
        return x_flattened.permute(0, 2, 1)


PATCH = [8]  # the course's PatchEmbedding.forward reads the notebook's global patch_size


class MultiheadSelfAttentionBlock(nn.Module):
    def __init__(self, embedding_dim=768, num_heads=12, attn_dropout=0):
        super().__init__()
        self.layer_norm = nn.LayerNorm(normalized_shape=embedding_dim)
        self.multihead_attn = nn.MultiheadAttention(embed_dim=embedding_dim, num_heads=num_heads, dropout=attn_dropout, batch_first=True)

    def forward(self, x):
        x = self.layer_norm(x)
        attn_output, _ = self.multihead_attn(query=x, key=x, value=x, need_weights=False)
        return attn_output


class MLPBlock(nn.Module):
    def __init__(self, embedding_dim=768, mlp_size=3072, dropout=0.1):
        super().__init__()
        self.layer_norm = nn.LayerNorm(normalized_shape=embedding_dim)
        self.mlp = nn.Sequential(
            nn.Linear(in_features=embedding_dim, out_features=mlp_size),
            nn.GELU(),
            nn.Dropout(p=dropout),
            nn.Linear(in_features=mlp_size, out_features=embedding_dim),
            nn.Dropout(p=dropout),
        )

    def forward(self, x):
        x = self.layer_norm(x)
        x = self.mlp(x)
        return x


class TransformerEncoderBlock(nn.Module):
    def __init__(self, embedding_dim=768, num_heads=12, mlp_size=3072, mlp_dropout=0.1, attn_dropout=0):
        super().__init__()
        self.msa_block = MultiheadSelfAttentionBlock(embedding_dim=embedding_dim, num_heads=num_heads, attn_dropout=attn_dropout)
        self.mlp_block = MLPBlock(embedding_dim=embedding_dim, mlp_size=mlp_size, dropout=mlp_dropout)

    def forward(self, x):
        x = self.msa_block(x) + x
        x = self.mlp_block(x) + x
        return x


class ViT(nn.Module):
    def __init__(self, img_size=224, in_channels=3, patch_size=16, num_transformer_layers=12, embedding_dim=768, mlp_size=3072,
                 num_heads=12, attn_dropout=0, mlp_dropout=0.1, embedding_dropout=0.1, num_classes=1000):
        super().__init__()
        assert img_size % patch_size == 0
        self.num_patches = (img_size * img_size) // patch_size**2
        self.class_embedding = nn.Parameter(data=torch.randn(1, 1, embedding_dim), requires_grad=True)
        self.position_embedding = nn.Parameter(data=torch.randn(1, self.num_patches + 1, embedding_dim), requires_grad=True)
        self.embedding_dropout = nn.Dropout(p=embedding_dropout)
        self.patch_embedding = PatchEmbedding(in_channels=in_channels, patch_size=patch_size, embedding_dim=embedding_dim)
        self.transformer_encoder = nn.Sequential(*[TransformerEncoderBlock(embedding_dim=embedding_dim, num_heads=num_heads, mlp_size=mlp_size,
                                                                           mlp_dropout=mlp_dropout) for _ in range(num_transformer_layers)])
        self.classifier = nn.Sequential(nn.LayerNorm(normalized_shape=embedding_dim), nn.Linear(in_features=embedding_dim, out_features=num_classes))

    def forward(self, x):
        batch_size = x.shape[0]
        class_token = self.class_embedding.expand(batch_size, -1, -1)
        x = self.patch_embedding(x)
        x = torch.cat((class_token, x), dim=1)
        x = self.position_embedding + x
        x = self.embedding_dropout(x)
        x = self.transformer_encoder(x)
        x = self.classifier(x[:, 0])
        return x


def train_step(model, dataloader, loss_fn, optimizer, device):
    model.train()
    train_loss, train_acc = 0, 0
    for batch, (X, y) in enumerate(dataloader):
        X, y = X.to(device), y.to(device)
        y_pred = model(X)
        loss = loss_fn(y_pred, y)
        train_loss += loss.item()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        y_pred_class = torch.argmax(torch.softmax(y_pred, dim=1), dim=1)
        train_acc += (y_pred_class == y).sum().item() / len(y_pred)
    train_loss = train_loss / len(dataloader)
    train_acc = train_acc / len(dataloader)
    return train_loss, train_acc


def test_step(model, dataloader, loss_fn, device):
    model.eval()
    test_loss, test_acc = 0, 0
    with torch.inference_mode():
        for batch, (X, y) in enumerate(dataloader):
            X, y = X.to(device), y.to(device)
            test_pred_logits = model(X)
            loss = loss_fn(test_pred_logits, y)
            test_loss += loss.item()
            test_pred_labels = test_pred_logits.argmax(dim=1)
            test_acc += (test_pred_labels == y).sum().item() / len(test_pred_labels)
    test_loss = test_loss / len(dataloader)
    test_acc = test_acc / len(dataloader)
    return test_loss, test_acc


def train(model, train_dataloader, test_dataloader, optimizer, loss_fn, epochs, device):
    results = {"train_loss": [], "train_acc": [], "test_loss": [], "test_acc": []}
    model.to(device)
    for epoch in range(epochs):
        train_loss, train_acc = train_step(model=model, dataloader=train_dataloader, loss_fn=loss_fn, optimizer=optimizer, device=device)
        test_loss, test_acc = test_step(model=model, dataloader=test_dataloader, loss_fn=loss_fn, device=device)
        p(
            f"Epoch: {epoch+1} | "
            f"train_loss: {train_loss:.4f} | "
            f"train_acc: {train_acc:.4f} | "
            f"test_loss: {test_loss:.4f} | "
            f"test_acc: {test_acc:.4f}"
        )
        results["train_loss"].append(train_loss)
        results["train_acc"].append(train_acc)
        results["test_loss"].append(test_loss)
        results["test_acc"].append(test_acc)
    return results


def n_params(m, trainable=False):
    return sum(q.numel() for q in m.parameters() if q.requires_grad or not trainable)


def paper_replicating():
    CELLS.clear()
    torch.manual_seed(0)  # torchlab run's seed for a fresh kernel
    cell(); device = "cuda" if torch.cuda.is_available() else "cpu"; show(device)
    cell()
    torch.manual_seed(0)
    train_data = TensorDataset(torch.rand(8, 3, 32, 32), torch.randint(0, 3, [8]))
    test_data = TensorDataset(torch.rand(4, 3, 32, 32), torch.randint(0, 3, [4]))
    class_names = ["pizza", "steak", "sushi"]
    train_dataloader = DataLoader(train_data, batch_size=4, shuffle=True)
    test_dataloader = DataLoader(test_data, batch_size=4, shuffle=False)
    show([len(train_dataloader), len(test_dataloader), class_names])
    cell()
    image_batch, label_batch = next(iter(train_dataloader))
    image, label = image_batch[0], label_batch[0]
    show((image.shape, label))
    cell()
    height, width, color_channels, patch_size = 32, 32, 3, 8
    number_of_patches = int((height * width) / patch_size**2)
    p(f"Number of patches (N) with image height (H={height}), width (W={width}) and patch size (P={patch_size}): {number_of_patches}")
    cell()
    p("Input shape (single 2D image):", [height, width, color_channels])
    p("Output shape (single 2D image flattened into patches):", [number_of_patches, patch_size**2 * color_channels])
    cell()
    image_permuted = image.permute(1, 2, 0)
    img_size = 32
    num_patches = img_size // patch_size
    p(f"Number of patches per row: {num_patches}\nPatch size: {patch_size} pixels x {patch_size} pixels")
    show(image_permuted[:patch_size, :, :].shape)
    cell()
    set_seeds()
    conv2d = nn.Conv2d(in_channels=3, out_channels=32, kernel_size=patch_size, stride=patch_size, padding=0)
    image_out_of_conv = conv2d(image.unsqueeze(0))
    p(image_out_of_conv.shape)
    cell(); single_feature_map = image_out_of_conv[:, 0, :, :]; show((single_feature_map, single_feature_map.requires_grad))
    cell(); p(f"Current tensor shape: {image_out_of_conv.shape} -> [batch, embedding_dim, feature_map_height, feature_map_width]")
    cell()
    flatten = nn.Flatten(start_dim=2, end_dim=3)
    p(f"Original image shape: {image.shape}")
    image_out_of_conv = conv2d(image.unsqueeze(0))
    p(f"Image feature map shape: {image_out_of_conv.shape}")
    image_out_of_conv_flattened = flatten(image_out_of_conv)
    p(f"Flattened image feature map shape: {image_out_of_conv_flattened.shape}")
    cell()
    image_out_of_conv_flattened_reshaped = image_out_of_conv_flattened.permute(0, 2, 1)
    p(f"Patch embedding sequence shape: {image_out_of_conv_flattened_reshaped.shape} -> [batch_size, num_patches, embedding_size]")
    cell()
    single_flattened_feature_map = image_out_of_conv_flattened_reshaped[:, :, 0]
    show((single_flattened_feature_map, single_flattened_feature_map.requires_grad, single_flattened_feature_map.shape))
    cell()  # class PatchEmbedding
    cell()
    set_seeds()
    patchify = PatchEmbedding(in_channels=3, patch_size=8, embedding_dim=32)
    p(f"Input image shape: {image.unsqueeze(0).shape}")
    patch_embedded_image = patchify(image.unsqueeze(0))
    p(f"Output patch embedding shape: {patch_embedded_image.shape}")
    cell()
    p(patch_embedded_image)
    p(f"Patch embedding shape: {patch_embedded_image.shape} -> [batch_size, number_of_patches, embedding_dimension]")
    cell()
    batch_size = patch_embedded_image.shape[0]
    embedding_dimension = patch_embedded_image.shape[-1]
    class_token = nn.Parameter(torch.ones(batch_size, 1, embedding_dimension), requires_grad=True)
    p(class_token[:, :, :10])
    p(f"Class token shape: {class_token.shape} -> [batch_size, number_of_tokens, embedding_dimension]")
    cell()
    patch_embedded_image_with_class_embedding = torch.cat((class_token, patch_embedded_image), dim=1)
    p(patch_embedded_image_with_class_embedding[:, :3, :8])
    p(f"Sequence of patch embeddings with class token prepended shape: {patch_embedded_image_with_class_embedding.shape} -> [batch_size, number_of_patches, embedding_dimension]")
    cell()
    number_of_patches = int((height * width) / patch_size**2)
    embedding_dimension = patch_embedded_image_with_class_embedding.shape[2]
    position_embedding = nn.Parameter(torch.ones(1, number_of_patches + 1, embedding_dimension), requires_grad=True)
    p(position_embedding[:, :10, :10])
    p(f"Position embedding shape: {position_embedding.shape} -> [batch_size, number_of_patches, embedding_dimension]")
    cell()
    patch_and_position_embedding = patch_embedded_image_with_class_embedding + position_embedding
    p(patch_and_position_embedding[:, :3, :8])
    p(f"Patch embeddings, class token prepended and positional embeddings added shape: {patch_and_position_embedding.shape} -> [batch_size, number_of_patches, embedding_dimension]")
    cell()
    set_seeds()
    patch_size = 8
    p(f"Image tensor shape: {image.shape}")
    height, width = image.shape[1], image.shape[2]
    x = image.unsqueeze(0)
    p(f"Input image with batch dimension shape: {x.shape}")
    patch_embedding_layer = PatchEmbedding(in_channels=3, patch_size=patch_size, embedding_dim=32)
    patch_embedding = patch_embedding_layer(x)
    p(f"Patching embedding shape: {patch_embedding.shape}")
    batch_size = patch_embedding.shape[0]
    embedding_dimension = patch_embedding.shape[-1]
    class_token = nn.Parameter(torch.ones(batch_size, 1, embedding_dimension), requires_grad=True)
    p(f"Class token embedding shape: {class_token.shape}")
    patch_embedding_class_token = torch.cat((class_token, patch_embedding), dim=1)
    p(f"Patch embedding with class token shape: {patch_embedding_class_token.shape}")
    number_of_patches = int((height * width) / patch_size**2)
    position_embedding = nn.Parameter(torch.ones(1, number_of_patches + 1, embedding_dimension), requires_grad=True)
    patch_and_position_embedding = patch_embedding_class_token + position_embedding
    p(f"Patch and position embedding shape: {patch_and_position_embedding.shape}")
    cell()  # class MultiheadSelfAttentionBlock
    cell()
    set_seeds()
    multihead_self_attention_block = MultiheadSelfAttentionBlock(embedding_dim=32, num_heads=4)
    patched_image_through_msa_block = multihead_self_attention_block(patch_and_position_embedding)
    p(f"Input shape of MSA block: {patch_and_position_embedding.shape}")
    p(f"Output shape MSA block: {patched_image_through_msa_block.shape}")
    show(patched_image_through_msa_block[:, :2, :6])
    cell()  # class MLPBlock
    cell()
    set_seeds()
    mlp_block = MLPBlock(embedding_dim=32, mlp_size=64, dropout=0.1)
    patched_image_through_mlp_block = mlp_block(patched_image_through_msa_block)
    p(f"Input shape of MLP block: {patched_image_through_msa_block.shape}")
    p(f"Output shape MLP block: {patched_image_through_mlp_block.shape}")
    show(patched_image_through_mlp_block[:, :2, :6])
    cell()  # class TransformerEncoderBlock
    cell()
    set_seeds()
    transformer_encoder_block = TransformerEncoderBlock(embedding_dim=32, num_heads=4, mlp_size=64)
    p(transformer_encoder_block)
    cell()
    torch_transformer_encoder_layer = nn.TransformerEncoderLayer(d_model=32, nhead=4, dim_feedforward=64, dropout=0.1, activation="gelu",
                                                                 batch_first=True, norm_first=True)
    show(torch_transformer_encoder_layer)
    cell()
    p(n_params(transformer_encoder_block))
    p(n_params(torch_transformer_encoder_layer))
    show(torch_transformer_encoder_layer(patch_and_position_embedding)[:, :2, :6])
    cell()  # class ViT
    cell()
    batch_size = 32
    class_token_embedding_single = nn.Parameter(data=torch.randn(1, 1, 768))
    class_token_embedding_expanded = class_token_embedding_single.expand(batch_size, -1, -1)
    p(f"Shape of class token embedding single: {class_token_embedding_single.shape}")
    p(f"Shape of class token embedding expanded: {class_token_embedding_expanded.shape}")
    cell()
    set_seeds()
    random_image_tensor = torch.randn(1, 3, 32, 32)
    vit = ViT(img_size=32, patch_size=8, num_transformer_layers=2, embedding_dim=32, mlp_size=64, num_heads=4, num_classes=len(class_names))
    show(vit(random_image_tensor))
    cell()
    p(vit)
    p(f"Total params: {n_params(vit)}")
    p(f"Trainable params: {n_params(vit, True)}")
    cell()  # engine.py
    cell()
    optimizer = torch.optim.Adam(params=vit.parameters(), lr=3e-3, betas=(0.9, 0.999), weight_decay=0.3)
    loss_fn = torch.nn.CrossEntropyLoss()
    set_seeds()
    results = train(model=vit, train_dataloader=train_dataloader, test_dataloader=test_dataloader, optimizer=optimizer, loss_fn=loss_fn, epochs=2, device=device)
    cell(); show(results["train_loss"])
    cell()
    target_dir = tempfile.mkdtemp(prefix="models-")
    model_name = "08_vit_stand_in.pth"
    model_save_path = os.path.join(target_dir, model_name)
    p(f"[INFO] Saving model to: {model_name}")
    torch.save(obj=vit.state_dict(), f=model_save_path)
    loaded_vit = ViT(img_size=32, patch_size=8, num_transformer_layers=2, embedding_dim=32, mlp_size=64, num_heads=4, num_classes=len(class_names))
    loaded_vit.load_state_dict(torch.load(model_save_path))
    vit.eval()
    loaded_vit.eval()
    with torch.inference_mode():
        show(torch.allclose(vit(random_image_tensor), loaded_vit(random_image_tensor)))
    return list(CELLS)


if __name__ == "__main__":
    out = {"paper_replicating": paper_replicating()}
    print(write_json(out, "ztm_vit.json"))
