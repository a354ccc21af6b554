/**
 * "Deep Learning with PyTorch" (Stevens, Antiga, Viehmann; deep-learning-with-pytorch/dlwpt-code),
 * part 1's notebooks as torchlab notebook cells in the notebook dialect (see dlwpt.test.ts for the
 * stand-ins and what is left out; test/reference/gen_dlwpt.py is the same cells in PyTorch). What a
 * cell displays as its value is printed with console.log; Python tuples and lists of numbers go
 * through JSON.stringify (json.dumps on the other side).
 */

/** p1ch3/1_tensors: tensors, storage, offsets and strides, views, dtypes, indexing, save / load. */
export function p1ch3(dir: string): string[] {
  return [
    `// import torch: the prelude's
let a = torch.ones(3);
console.log(a);`,
    `console.log(a[1]);`,
    `console.log(Number(a[1]));  // float(a[1])`,
    `a[2] = 2.0;
console.log(a);`,
    `let points = torch.zeros(6);
points[0] = 4.0;
points[1] = 1.0;
points[2] = 5.0;
points[3] = 3.0;
points[4] = 2.0;
points[5] = 1.0;
console.log(points);`,
    `points = torch.tensor([4.0, 1.0, 5.0, 3.0, 2.0, 1.0]);
console.log(points);`,
    `console.log(Number(points[0]), Number(points[1]));`,
    `points = torch.tensor([[4.0, 1.0], [5.0, 3.0], [2.0, 1.0]]);
console.log(points);`,
    `console.log(points.shape);`,
    `points = torch.zeros(3, 2);
console.log(points);`,
    `points = torch.tensor([[4.0, 1.0], [5.0, 3.0], [2.0, 1.0]]);
console.log(points);`,
    `console.log(points[0, 1]);`,
    `console.log(points[0]);`,
    `points = torch.tensor([[4.0, 1.0], [5.0, 3.0], [2.0, 1.0]]);
console.log(points.storage());`,
    `let points_storage = points.storage();
console.log(points_storage[0]);`,
    `console.log(points.storage()[1]);`,
    `points = torch.tensor([[4.0, 1.0], [5.0, 3.0], [2.0, 1.0]]);
points_storage = points.storage();
points_storage[0] = 2.0;
console.log(points);`,
    `points = torch.tensor([[4.0, 1.0], [5.0, 3.0], [2.0, 1.0]]);
let second_point = points[1];
console.log(second_point.storage_offset());`,
    `console.log(second_point.size());`,
    `console.log(second_point.shape);`,
    `console.log(JSON.stringify(points.stride()));`,
    `second_point = points[1];
console.log(second_point.size());`,
    `console.log(second_point.storage_offset());`,
    `console.log(JSON.stringify(second_point.stride()));`,
    `points = torch.tensor([[4.0, 1.0], [5.0, 3.0], [2.0, 1.0]]);
second_point = points[1];
second_point[0] = 10.0;
console.log(points);`,
    `points = torch.tensor([[4.0, 1.0], [5.0, 3.0], [2.0, 1.0]]);
second_point = points[1].clone();
second_point[0] = 10.0;
console.log(points);`,
    `points = torch.tensor([[4.0, 1.0], [5.0, 3.0], [2.0, 1.0]]);
console.log(points);`,
    `let points_t = points.t();
console.log(points_t);`,
    `console.log(JSON.stringify(points.stride()));`,
    `console.log(JSON.stringify(points_t.stride()));`,
    `const some_t = torch.ones(3, 4, 5);
const transpose_t = some_t.transpose(0, 2);
console.log(some_t.shape);`,
    `console.log(transpose_t.shape);`,
    `console.log(JSON.stringify(some_t.stride()));`,
    `console.log(JSON.stringify(transpose_t.stride()));`,
    `console.log(points.is_contiguous());`,
    `console.log(points_t.is_contiguous());`,
    `points = torch.tensor([[4.0, 1.0], [5.0, 3.0], [2.0, 1.0]]);
points_t = points.t();
console.log(points_t);`,
    `console.log(points_t.storage());`,
    `console.log(JSON.stringify(points_t.stride()));`,
    `const points_t_cont = points_t.contiguous();
console.log(points_t_cont);`,
    `console.log(JSON.stringify(points_t_cont.stride()));`,
    `console.log(points_t_cont.storage());`,
    `let double_points = torch.ones(10, 2, {dtype: torch.double});
let short_points = torch.tensor([[1, 2], [3, 4]], {dtype: torch.short});`,
    `console.log(short_points.dtype);`,
    `double_points = torch.zeros(10, 2).double();
short_points = torch.ones(10, 2).short();
console.log(double_points.dtype, short_points.dtype);`,
    `double_points = torch.zeros(10, 2).to(torch.double);
short_points = torch.ones(10, 2).to({dtype: torch.short});
console.log(double_points.dtype, short_points.dtype);`,
    `torch.manual_seed(0);
const points_64 = torch.rand(5, {dtype: torch.double});
const points_short = points_64.to(torch.short);
console.log(points_64 * points_short);  // works from PyTorch 1.3 onwards`,
    `// reset points back to original value
points = torch.tensor([[4.0, 1.0], [5.0, 3.0], [2.0, 1.0]]);`,
    `console.log(points["1:"]);
console.log(points["1:, :"]);
console.log(points["1:, 0"]);
console.log(points[null]);`,
    `points = torch.ones(3, 4);`,
    `torch.save(points, '${dir}/ourpoints.t');`,
    `points = torch.load('${dir}/ourpoints.t');
console.log(points);`,
    `a = torch.ones(3, 2);
let a_t = torch.transpose(a, 0, 1);

console.log(a.shape, a_t.shape);`,
    `a = torch.ones(3, 2);
a_t = a.transpose(0, 1);

console.log(a.shape, a_t.shape);`,
    `a = torch.ones(3, 2);`,
    `a.zero_();
console.log(a);`,
  ];
}

/** The wine-quality CSV's stand-in: 48 seeded rows of 11 features and a quality from 3 to 9. */
const WINE = `torch.manual_seed(0);
const col_list = ["fixed acidity", "volatile acidity", "citric acid", "residual sugar", "chlorides",
                  "free sulfur dioxide", "total sulfur dioxide", "density", "pH", "sulphates", "alcohol", "quality"];
const scale = torch.tensor([7, 0.3, 0.3, 6, 0.05, 35, 140, 1, 3.2, 0.5, 10.5]);
const wineq_numpy = torch.cat([torch.rand(48, 11) * 2 * scale,
                               torch.randint(3, 10, [48, 1]).float()], 1);  // np.loadtxt(wine_path, ...)`;

/** p1ch4/3_tabular_wine: slicing, one-hot with scatter_, normalisation, masks. */
export const P1CH4_WINE: string[] = [
  `torch.set_printoptions({edgeitems: 2, precision: 2, linewidth: 75});`,
  WINE,
  `console.log(wineq_numpy.shape, JSON.stringify(col_list));`,
  `const wineq = wineq_numpy;  // torch.from_numpy(wineq_numpy)

console.log(wineq.shape, wineq.dtype);`,
  `const data = wineq[":, :-1"];
console.log(data, data.shape);`,
  `let target = wineq[":, -1"];
console.log(target, target.shape);`,
  `target = wineq[":, -1"].long();
console.log(target);`,
  `const target_onehot = torch.zeros(target.shape[0], 10);

console.log(target_onehot.scatter_(1, target.unsqueeze(1), 1.0));`,
  `const target_unsqueezed = target.unsqueeze(1);
console.log(target_unsqueezed);`,
  `const data_mean = torch.mean(data, {dim: 0});
console.log(data_mean);`,
  `const data_var = torch.var(data, {dim: 0});
console.log(data_var);`,
  `const data_normalized = (data - data_mean) / torch.sqrt(data_var);
console.log(data_normalized);`,
  `const bad_indexes = target <= 3;
console.log(bad_indexes.shape, bad_indexes.dtype, bad_indexes.sum());`,
  `let bad_data = data[bad_indexes];
console.log(bad_data.shape);`,
  `bad_data = data[target <= 3];
const mid_data = data[(target > 3) & (target < 7)];
const good_data = data[target >= 7];

const bad_mean = torch.mean(bad_data, {dim: 0});
const mid_mean = torch.mean(mid_data, {dim: 0});
const good_mean = torch.mean(good_data, {dim: 0});

for (let i = 0; i < bad_mean.shape[0]; i++) {
    const args = [col_list[i], bad_mean[i], mid_mean[i], good_mean[i]];  // zip(col_list, bad_mean, mid_mean, good_mean)
    console.log(\`\${String(i).padStart(2)} \${String(args[0]).padEnd(20)} \${Number(args[1]).toFixed(2).padStart(6)} \${Number(args[2]).toFixed(2).padStart(6)} \${Number(args[3]).toFixed(2).padStart(6)}\`);
}`,
  `const total_sulfur_threshold = 141.83;
const total_sulfur_data = data[":,6"];
const predicted_indexes = torch.lt(total_sulfur_data, total_sulfur_threshold);

console.log(predicted_indexes.shape, predicted_indexes.dtype, predicted_indexes.sum());`,
  `const actual_indexes = target > 5;

console.log(actual_indexes.shape, actual_indexes.dtype, actual_indexes.sum());`,
  `const n_matches = torch.sum(actual_indexes & predicted_indexes).item();
const n_predicted = torch.sum(predicted_indexes).item();
const n_actual = torch.sum(actual_indexes).item();

console.log(n_matches, n_matches / n_predicted, n_matches / n_actual);`,
];

const THERMOMETER = `const t_c = torch.tensor([0.5,  14.0, 15.0, 28.0, 11.0,  8.0,  3.0, -4.0,  6.0, 13.0, 21.0]);
const t_u = torch.tensor([35.7, 55.9, 58.2, 81.9, 56.3, 48.9, 33.9, 21.8, 48.4, 60.4, 68.4]);`;

const MODEL_LOSS = [
  `function model(t_u, w, b) {
    return w * t_u + b;
}`,
  `function loss_fn(t_p, t_c) {
    const squared_diffs = (t_p - t_c)**2;
    return squared_diffs.mean();
}`,
];

/** p1ch5/1_parameter_estimation: the thermometer by hand-written gradients (epochs / 10). */
export const P1CH5_PARAMS: string[] = [
  `torch.set_printoptions({edgeitems: 2, linewidth: 75});`,
  THERMOMETER,
  ...MODEL_LOSS,
  `let w = torch.ones([]);
let b = torch.zeros([]);

let t_p = model(t_u, w, b);
console.log(t_p);`,
  `let loss = loss_fn(t_p, t_c);
console.log(loss);`,
  `const x = torch.ones([]);
const y = torch.ones(3,1);
const z = torch.ones(1,3);
const a = torch.ones(2, 1, 1);
console.log(\`shapes: x: \${x.shape}, y: \${y.shape}\`);
console.log(\`        z: \${z.shape}, a: \${a.shape}\`);
console.log("x * y:", (x * y).shape);
console.log("y * z:", (y * z).shape);
console.log("y * z * a:", (y * z * a).shape);`,
  `const delta = 0.1;

const loss_rate_of_change_w =
    (loss_fn(model(t_u, w + delta, b), t_c) -
     loss_fn(model(t_u, w - delta, b), t_c)) / (2.0 * delta);
console.log(loss_rate_of_change_w);`,
  `const learning_rate = 1e-2;

w = w - learning_rate * loss_rate_of_change_w;
console.log(w);`,
  `const loss_rate_of_change_b =
    (loss_fn(model(t_u, w, b + delta), t_c) -
     loss_fn(model(t_u, w, b - delta), t_c)) / (2.0 * delta);

b = b - learning_rate * loss_rate_of_change_b;
console.log(b);`,
  `function dloss_fn(t_p, t_c) {
    const dsq_diffs = 2 * (t_p - t_c) / t_p.size(0);
    return dsq_diffs;
}`,
  `function dmodel_dw(t_u, w, b) {
    return t_u;
}`,
  `function dmodel_db(t_u, w, b) {
    return 1.0;
}`,
  `function grad_fn(t_u, t_c, t_p, w, b) {
    const dloss_dtp = dloss_fn(t_p, t_c);
    const dloss_dw = dloss_dtp * dmodel_dw(t_u, w, b);
    const dloss_db = dloss_dtp * dmodel_db(t_u, w, b);
    return torch.stack([dloss_dw.sum(), dloss_db.sum()]);
}`,
  `function training_loop(n_epochs, learning_rate, params, t_u, t_c,
                       print_params = true) {
    for (let epoch = 1; epoch < n_epochs + 1; epoch++) {
        const [w, b] = params;

        const t_p = model(t_u, w, b);
        const loss = loss_fn(t_p, t_c);
        const grad = grad_fn(t_u, t_c, t_p, w, b);

        params = params - learning_rate * grad;

        if (new Set([1, 2, 3, 10, 11, 99, 100, 400, 500]).has(epoch)) {
            console.log(\`Epoch \${epoch}, Loss \${Number(loss).toFixed(6)}\`);  // 'Epoch %d, Loss %f' % (epoch, float(loss))
            if (print_params) {
                console.log('    Params:', params);
                console.log('    Grad:  ', grad);
            }
        }
        if (new Set([4, 12, 101]).has(epoch)) {
            console.log('...');
        }

        if (!torch.isfinite(loss).all()) {
            break;
        }
    }
    return params;
}`,
  `console.log(training_loop(
    100,                        // n_epochs
    1e-2,                       // learning_rate
    torch.tensor([1.0, 0.0]),   // params
    t_u,
    t_c));`,
  `console.log(training_loop(
    100,
    1e-4,
    torch.tensor([1.0, 0.0]),
    t_u,
    t_c));`,
  `const t_un = 0.1 * t_u;`,
  `console.log(training_loop(
    100,
    1e-2,
    torch.tensor([1.0, 0.0]),
    t_un,
    t_c));`,
  `let params = training_loop(
    500,
    1e-2,
    torch.tensor([1.0, 0.0]),
    t_un,
    t_c,
    false);

console.log(params);`,
  `t_p = model(t_un, params[0], params[1]);
console.log(t_p);`,
];

/** p1ch5/2_autograd: the same fit with backward() (500 epochs). */
export const P1CH5_AUTOGRAD: string[] = [
  `torch.set_printoptions({edgeitems: 2});`,
  `${THERMOMETER}
const t_un = 0.1 * t_u;`,
  ...MODEL_LOSS,
  `let params = torch.tensor([1.0, 0.0], {requires_grad: true});`,
  `console.log(params.grad === null);`,
  `let loss = loss_fn(model(t_u, params[0], params[1]), t_c);
loss.backward();

console.log(params.grad);`,
  `if (params.grad !== null) {
    params.grad.zero_();
}`,
  `function training_loop(n_epochs, learning_rate, params, t_u, t_c) {
    for (let epoch = 1; epoch < n_epochs + 1; epoch++) {
        if (params.grad !== null) {
            params.grad.zero_();
        }

        const t_p = model(t_u, params[0], params[1]);
        const loss = loss_fn(t_p, t_c);
        loss.backward();

        torch.no_grad(() => {
            params -= learning_rate * params.grad;
        });

        if (epoch % 50 == 0) {
            console.log(\`Epoch \${epoch}, Loss \${Number(loss).toFixed(6)}\`);
        }
    }
    return params;
}`,
  `console.log(training_loop(
    500,
    1e-2,
    torch.tensor([1.0, 0.0], {requires_grad: true}),
    t_un,
    t_c));`,
];

/** p1ch5/3_optimizers: SGD and Adam, a train / validation split (epochs / 10). */
export const P1CH5_OPTIM: string[] = [
  `torch.manual_seed(0);
torch.set_printoptions({edgeitems: 2, linewidth: 75});`,
  `${THERMOMETER}
const t_un = 0.1 * t_u;`,
  ...MODEL_LOSS,
  `let params = torch.tensor([1.0, 0.0], {requires_grad: true});
let learning_rate = 1e-5;
let optimizer: optim.Optimizer = optim.SGD([params], {lr: learning_rate});  // Adam later: the common type`,
  `let t_p = model(t_u, params[0], params[1]);
let loss = loss_fn(t_p, t_c);
loss.backward();

optimizer.step();

console.log(params);`,
  `params = torch.tensor([1.0, 0.0], {requires_grad: true});
learning_rate = 1e-2;
optimizer = optim.SGD([params], {lr: learning_rate});

t_p = model(t_un, params[0], params[1]);
loss = loss_fn(t_p, t_c);

optimizer.zero_grad();
loss.backward();
optimizer.step();

console.log(params);`,
  `function training_loop(n_epochs, optimizer, params, t_u, t_c) {
    for (let epoch = 1; epoch < n_epochs + 1; epoch++) {
        const t_p = model(t_u, params[0], params[1]);
        const loss = loss_fn(t_p, t_c);

        optimizer.zero_grad();
        loss.backward();
        optimizer.step();

        if (epoch % 50 == 0) {
            console.log(\`Epoch \${epoch}, Loss \${Number(loss).toFixed(6)}\`);
        }
    }
    return params;
}`,
  `params = torch.tensor([1.0, 0.0], {requires_grad: true});
learning_rate = 1e-2;
optimizer = optim.SGD([params], {lr: learning_rate});

console.log(training_loop(
    500,
    optimizer,
    params,
    t_un,
    t_c));`,
  `params = torch.tensor([1.0, 0.0], {requires_grad: true});
learning_rate = 1e-1;
optimizer = optim.Adam([params], {lr: learning_rate});

console.log(training_loop(
    200,
    optimizer,
    params,
    t_u,
    t_c));`,
  `const n_samples = t_u.shape[0];
const n_val = Math.trunc(0.2 * n_samples);

const shuffled_indices = torch.randperm(n_samples);

const train_indices = shuffled_indices[\`:-\${n_val}\`];
const val_indices = shuffled_indices[\`-\${n_val}:\`];

console.log(train_indices, val_indices);`,
  `const train_t_u = t_u[train_indices];
const train_t_c = t_c[train_indices];

const val_t_u = t_u[val_indices];
const val_t_c = t_c[val_indices];

const train_t_un = 0.1 * train_t_u;
const val_t_un = 0.1 * val_t_u;`,
  `function training_loop(n_epochs, optimizer, params, train_t_u, val_t_u,
                       train_t_c, val_t_c) {
    for (let epoch = 1; epoch < n_epochs + 1; epoch++) {
        const train_t_p = model(train_t_u, params[0], params[1]);
        const train_loss = loss_fn(train_t_p, train_t_c);

        const val_t_p = model(val_t_u, params[0], params[1]);
        const val_loss = loss_fn(val_t_p, val_t_c);

        optimizer.zero_grad();
        train_loss.backward();
        optimizer.step();

        if (epoch <= 3 || epoch % 50 == 0) {
            console.log(\`Epoch \${epoch}, Training loss \${train_loss.item().toFixed(4)},\` +
                        \` Validation loss \${val_loss.item().toFixed(4)}\`);
        }
    }
    return params;
}`,
  `params = torch.tensor([1.0, 0.0], {requires_grad: true});
learning_rate = 1e-2;
optimizer = optim.SGD([params], {lr: learning_rate});

console.log(training_loop(
    300,
    optimizer,
    params,
    train_t_un,
    val_t_un,
    train_t_c,
    val_t_c));`,
  `function training_loop(n_epochs, optimizer, params, train_t_u, val_t_u,
                       train_t_c, val_t_c) {
    for (let epoch = 1; epoch < n_epochs + 1; epoch++) {
        const train_t_p = model(train_t_u, params[0], params[1]);
        const train_loss = loss_fn(train_t_p, train_t_c);

        torch.no_grad(() => {
            const val_t_p = model(val_t_u, params[0], params[1]);
            const val_loss = loss_fn(val_t_p, val_t_c);
            assert(val_loss.requires_grad == false);
        });

        optimizer.zero_grad();
        train_loss.backward();
        optimizer.step();
    }
}
training_loop(3, optimizer, params, train_t_un, val_t_un, train_t_c, val_t_c);
console.log(params);`,
  `function calc_forward(t_u, t_c, is_train) {
    return torch.set_grad_enabled(is_train, () => {
        const t_p = model(t_u, params[0], params[1]);
        const loss = loss_fn(t_p, t_c);
        return loss;
    });
}
console.log(calc_forward(train_t_un, train_t_c, true), calc_forward(val_t_un, val_t_c, false));`,
];

/** p1ch6/1_neural_networks: nn.Linear, MSELoss, Sequential and OrderedDict, a tanh network (epochs / 10). */
export const P1CH6_NN: string[] = [
  `torch.manual_seed(0);
torch.set_printoptions({edgeitems: 2, linewidth: 75});`,
  `// t_c = torch.tensor(t_c).unsqueeze(1): a TypeScript name keeps its type, so the lists go in directly
const t_c = torch.tensor([0.5,  14.0, 15.0, 28.0, 11.0,  8.0,  3.0, -4.0,  6.0, 13.0, 21.0]).unsqueeze(1);
const t_u = torch.tensor([35.7, 55.9, 58.2, 81.9, 56.3, 48.9, 33.9, 21.8, 48.4, 60.4, 68.4]).unsqueeze(1);

console.log(t_u.shape);`,
  `const n_samples = t_u.shape[0];
const n_val = Math.trunc(0.2 * n_samples);

const shuffled_indices = torch.randperm(n_samples);

const train_indices = shuffled_indices[\`:-\${n_val}\`];
const val_indices = shuffled_indices[\`-\${n_val}:\`];

console.log(train_indices, val_indices);`,
  `const t_u_train = t_u[train_indices];
const t_c_train = t_c[train_indices];

const t_u_val = t_u[val_indices];
const t_c_val = t_c[val_indices];

const t_un_train = 0.1 * t_u_train;
const t_un_val = 0.1 * t_u_val;`,
  `// import torch.nn as nn: the prelude's

let linear_model = nn.Linear(1, 1);
console.log(linear_model(t_un_val));`,
  `console.log(linear_model.weight);`,
  `console.log(linear_model.bias);`,
  `let x = torch.ones(1);
console.log(linear_model(x));`,
  `x = torch.ones(10, 1);
console.log(linear_model(x));`,
  `linear_model = nn.Linear(1, 1);
let optimizer = optim.SGD(
    linear_model.parameters(),
    {lr: 1e-2});`,
  `// list(linear_model.parameters())
for (const param of linear_model.parameters()) {
    console.log(param);
}`,
  `function training_loop(n_epochs, optimizer, model, loss_fn, t_u_train, t_u_val,
                       t_c_train, t_c_val) {
    for (let epoch = 1; epoch < n_epochs + 1; epoch++) {
        const t_p_train = model(t_u_train);
        const loss_train = loss_fn(t_p_train, t_c_train);

        const t_p_val = model(t_u_val);
        const loss_val = loss_fn(t_p_val, t_c_val);

        optimizer.zero_grad();
        loss_train.backward();
        optimizer.step();

        if (epoch == 1 || epoch % 100 == 0) {
            console.log(\`Epoch \${epoch}, Training loss \${loss_train.item().toFixed(4)},\` +
                        \` Validation loss \${loss_val.item().toFixed(4)}\`);
        }
    }
}`,
  `function loss_fn(t_p, t_c) {
    const squared_diffs = (t_p - t_c)**2;
    return squared_diffs.mean();
}

linear_model = nn.Linear(1, 1);
optimizer = optim.SGD(linear_model.parameters(), {lr: 1e-2});

training_loop(
    300,
    optimizer,
    linear_model,
    loss_fn,
    t_un_train,
    t_un_val,
    t_c_train,
    t_c_val);

console.log();
console.log(linear_model.weight);
console.log(linear_model.bias);`,
  `linear_model = nn.Linear(1, 1);
optimizer = optim.SGD(linear_model.parameters(), {lr: 1e-2});

training_loop(
    300,
    optimizer,
    linear_model,
    nn.MSELoss(),
    t_un_train,
    t_un_val,
    t_c_train,
    t_c_val);

console.log();
console.log(linear_model.weight);
console.log(linear_model.bias);`,
  `let seq_model = nn.Sequential(
            nn.Linear(1, 13),
            nn.Tanh(),
            nn.Linear(13, 1));
console.log(seq_model);`,
  `console.log(\`[\${[...seq_model.parameters()].map((param) => param.shape).join(", ")}]\`);`,
  `for (const [name, param] of seq_model.named_parameters()) {
    console.log(name, param.shape);
}`,
  `let named_model = nn.Sequential({  // OrderedDict([(name, module), ...])
    hidden_linear: nn.Linear(1, 8),
    hidden_activation: nn.Tanh(),
    output_linear: nn.Linear(8, 1)});

console.log(named_model);`,
  `for (const [name, param] of named_model.named_parameters()) {
    console.log(name, param.shape);
}`,
  `console.log(named_model.get_parameter('output_linear.bias'));  // named_model.output_linear.bias: the children are not typed`,
  `optimizer = optim.SGD(named_model.parameters(), {lr: 1e-3});

training_loop(
    500,
    optimizer,
    named_model,
    nn.MSELoss(),
    t_un_train,
    t_un_val,
    t_c_train,
    t_c_val);

console.log('output', named_model(t_un_val));
console.log('answer', t_c_val);
console.log('hidden', named_model.get_parameter('hidden_linear.weight').grad);`,
  `const t_range = torch.arange(20., 90.).unsqueeze(1);
console.log(named_model(0.1 * t_range)["::10"]);`,
];

/** p1ch6/2_activation_functions and 3_nn_module_subclassing (the plotted values printed). */
export const P1CH6_MODULES: string[] = [
  `torch.manual_seed(0);
torch.set_printoptions({edgeitems: 2, linewidth: 75});`,
  `const input_t = torch.arange(-3, 3.1, 0.1);
console.log(input_t);`,
  `const activation_list = [
    nn.Tanh(),
    nn.Hardtanh(),
    nn.Sigmoid(),

    nn.Softplus(),
    nn.ReLU(),
    nn.LeakyReLU({negative_slope: 0.1}),
];
let output_t;
for (const activation_func of activation_list) {
    output_t = activation_func(input_t);
    console.log(activation_func.constructor.name, output_t);
}`,
  `const a = (x) => nn.Tanh()(-2 * x - 1.25);
const b = (x) => nn.Tanh()( 1 * x + 0.75);
const c = (x) => nn.Tanh()( 4 * x + 1.);
const d = (x) => nn.Tanh()(-3 * x + 1.5);
const wb_list = [
    ['A: tanh(-2 * x - 1.25)', a(input_t)],
    ['B: tanh(1 * x + 0.75)', b(input_t)],
    ['A + B', a(input_t) + b(input_t)],
    ['C: tanh(4 * x + 1.0)', c(input_t)],
    ['D: tanh(-3 * x - 1.5)', d(input_t)],
    ['C + D', c(input_t) + d(input_t)],
    ['C(A + B)', c(a(input_t) + b(input_t))],
    ['D(A + B)', d(a(input_t) + b(input_t))],

    ['C(A+B) + D(A+B)',
     c(a(input_t) + b(input_t)) + d(a(input_t) + b(input_t))],
];
for (const [title_str, output_t] of wb_list) {
    console.log(title_str, output_t);
}`,
  `const seq_model = nn.Sequential(
            nn.Linear(1, 11),
            nn.Tanh(),
            nn.Linear(11, 1));
console.log(seq_model);`,
  `const namedseq_model = nn.Sequential({  // OrderedDict([(name, module), ...])
    hidden_linear: nn.Linear(1, 12),
    hidden_activation: nn.Tanh(),
    output_linear: nn.Linear(12 , 1)});
console.log(namedseq_model);`,
  `class SubclassModel extends nn.Module {
    constructor() {
        super();

        this.hidden_linear = nn.Linear(1, 13);
        this.hidden_activation = nn.Tanh();
        this.output_linear = nn.Linear(13, 1);
    }

    forward(input) {
        const hidden_t = this.hidden_linear(input);
        const activated_t = this.hidden_activation(hidden_t);
        const output_t = this.output_linear(activated_t);

        return output_t;
    }
}

const subclass_model = SubclassModel();
console.log(subclass_model);`,
  `for (const [type_str, model] of [['seq', seq_model],
                                 ['namedseq', namedseq_model],
                                 ['subclass', subclass_model]] as [string, nn.Module][]) {
    console.log(type_str);
    for (const [name_str, param] of model.named_parameters()) {
        console.log(\`\${name_str.padEnd(21)} \${String(param.shape).padEnd(19)} \${param.numel()}\`);
    }
    console.log();
}`,
  `class SubclassFunctionalModel extends nn.Module {
    constructor() {
        super();

        this.hidden_linear = nn.Linear(1, 14);

        this.output_linear = nn.Linear(14, 1);
    }

    forward(input) {
        const hidden_t = this.hidden_linear(input);
        const activated_t = torch.tanh(hidden_t);
        const output_t = this.output_linear(activated_t);

        return output_t;
    }
}

const func_model = SubclassFunctionalModel();
console.log(func_model);
console.log(func_model(torch.ones(2, 1)));`,
];

/** p1ch7/2_birds_airplanes: CIFAR-10 as FakeData, softmax / NLL by hand, SGD per sample and in batches (2 epochs, not 100). */
export const P1CH7: string[] = [
  `torch.set_printoptions({edgeitems: 2});
torch.manual_seed(123);`,
  `let class_names = ['airplane','automobile','bird','cat','deer',
                   'dog','frog','horse','ship','truck'];`,
  `const { datasets } = torchvision;
// datasets.CIFAR10(data_path, train=True, download=False, ...): FakeData of CIFAR's layout
const cifar10 = datasets.FakeData({size: 60, image_size: [3, 32, 32], num_classes: 10,
    transform: transforms.Compose([
        transforms.ToTensor(),
        transforms.Normalize([0.4915, 0.4823, 0.4468],
                             [0.2470, 0.2435, 0.2616])
    ])});`,
  `const cifar10_val = datasets.FakeData({size: 30, image_size: [3, 32, 32], num_classes: 10, random_offset: 60,
    transform: transforms.Compose([
        transforms.ToTensor(),
        transforms.Normalize([0.4915, 0.4823, 0.4468],
                             [0.2470, 0.2435, 0.2616])
    ])});`,
  `const label_map = {0: 0, 2: 1};
class_names = ['airplane', 'bird'];
const cifar2 = [...cifar10].filter(([img, label]) => [0, 2].includes(label))
                           .map(([img, label]) => [img, label_map[label]] as [torch.Tensor, number]);
const cifar2_val = [...cifar10_val].filter(([img, label]) => [0, 2].includes(label))
                                   .map(([img, label]) => [img, label_map[label]] as [torch.Tensor, number]);
console.log(cifar2.length, cifar2_val.length);`,
  `const n_out = 2;

let model = nn.Sequential(
            nn.Linear(
                3072,  // <1>
                512,   // <2>
            ),
            nn.Tanh(),
            nn.Linear(
                512,   // <2>
                n_out, // <3>
            )
        );`,
  `function softmax(x) {
    return torch.exp(x) / torch.exp(x).sum();
}`,
  `let x = torch.tensor([1.0, 2.0, 3.0]);

console.log(softmax(x));`,
  `console.log(softmax(x).sum());`,
  `const softmax2 = nn.Softmax({dim: 1});  // softmax = nn.Softmax(dim=1): a new name in TypeScript

x = torch.tensor([[1.0, 2.0, 3.0],
                  [1.0, 2.0, 3.0]]);

console.log(softmax2(x));`,
  `model = nn.Sequential(
            nn.Linear(3072, 512),
            nn.Tanh(),
            nn.Linear(512, 2),
            nn.Softmax({dim: 1}));`,
  `let [img, _] = cifar2[0];
console.log(img.permute(1, 2, 0).shape);`,
  `const img_batch = img.view(-1).unsqueeze(0);`,
  `let out = model(img_batch);
console.log(out);`,
  `let [_max, index] = torch.max(out, {dim: 1});  // _, index = ...: \`_\` is taken

console.log(index);`,
  `out = torch.tensor([
    [0.6, 0.4],
    [0.9, 0.1],
    [0.3, 0.7],
    [0.2, 0.8],
]);
const class_index = torch.tensor([0, 0, 1, 1]).unsqueeze(1);

const truth = torch.zeros([4,2]);
truth.scatter_(1, class_index, {value: 1.0});  // scatter_(dim=1, index=class_index, value=1.0)
console.log(truth);`,
  `function mse(out) {
    return ((out - truth) ** 2).sum({dim: 1}).mean();
}
console.log(mse(out));`,
  `console.log(out.gather(1, class_index));`,
  `function likelihood(out) {
    let prod = 1.0;
    for (const x of out.gather(1, class_index)) {
        prod *= x;
    }
    return prod;
}

console.log(likelihood(out));`,
  `function neg_log_likelihood(out) {
    return -likelihood(out).log();
}

console.log(neg_log_likelihood(out));`,
  `const out0 = out.clone().detach();
out0[0] = torch.tensor([0.9, 0.1]); // more right

const out2 = out.clone().detach();
out2[0] = torch.tensor([0.4, 0.6]); // slightly wrong

const out3 = out.clone().detach();
out3[0] = torch.tensor([0.1, 0.9]); // very wrong

const mse_comparison = torch.tensor([out0, out, out2, out3].map((o) => mse(o)));
console.log(mse_comparison);`,
  `console.log(((mse_comparison / mse_comparison[1]) - 1) * 100);`,
  `const nll_comparison = torch.tensor([out0, out, out2, out3].map((o) => neg_log_likelihood(o)));
console.log(nll_comparison);`,
  `console.log(((nll_comparison / nll_comparison[1]) - 1) * 100);`,
  `const softmax3 = nn.Softmax({dim: 1});

const log_softmax = nn.LogSoftmax({dim: 1});

x = torch.tensor([[0.0, 104.0]]);

console.log(softmax3(x));`,
  `console.log(torch.log(softmax3(x)));`,
  `console.log(log_softmax(x));`,
  `console.log(torch.exp(log_softmax(x)));`,
  `model = nn.Sequential(
            nn.Linear(3072, 512),
            nn.Tanh(),
            nn.Linear(512, 2),
            nn.LogSoftmax({dim: 1}));`,
  `const loss = nn.NLLLoss();`,
  `let label;
[img, label] = cifar2[0];

out = model(img.view(-1).unsqueeze(0));

console.log(loss(out, torch.tensor([label])));`,
  `model = nn.Sequential(
            nn.Linear(3072, 512),
            nn.Tanh(),
            nn.Linear(512, 2),
            nn.LogSoftmax({dim: 1}));

let learning_rate = 1e-2;

let optimizer = optim.SGD(model.parameters(), {lr: learning_rate});

let loss_fn = nn.NLLLoss();

let n_epochs = 2;

for (let epoch = 0; epoch < n_epochs; epoch++) {
    let loss;
    for (const [img, label] of cifar2) {
        const out = model(img.view(-1).unsqueeze(0));
        loss = loss_fn(out, torch.tensor([label]));

        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
    }
    console.log(\`Epoch: \${epoch}, Loss: \${Number(loss).toFixed(6)}\`);
}`,
  `let train_loader = torch.utils.data.DataLoader(cifar2, {batch_size: 4,
                                                         shuffle: true});

model = nn.Sequential(
            nn.Linear(3072, 128),
            nn.Tanh(),
            nn.Linear(128, 2),
            nn.LogSoftmax({dim: 1}));

optimizer = optim.SGD(model.parameters(), {lr: learning_rate});

for (let epoch = 0; epoch < n_epochs; epoch++) {
    let loss;
    for (const [imgs, labels] of train_loader) {
        const outputs = model(imgs.view(imgs.shape[0], -1));
        loss = loss_fn(outputs, labels);

        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
    }
    console.log(\`Epoch: \${epoch}, Loss: \${Number(loss).toFixed(6)}\`);
}`,
  `train_loader = torch.utils.data.DataLoader(cifar2, {batch_size: 4,
                                                     shuffle: false});

let correct = 0;
let total = 0;

torch.no_grad(() => {
    for (const [imgs, labels] of train_loader) {
        const outputs = model(imgs.view(imgs.shape[0], -1));
        const [_, predicted] = torch.max(outputs, {dim: 1});
        total += labels.shape[0];
        correct += Number((predicted == labels).sum());
    }
});

console.log(\`Accuracy: \${(correct / total).toFixed(6)}\`);`,
  `const val_loader = torch.utils.data.DataLoader(cifar2_val, {batch_size: 4,
                                                             shuffle: false});

correct = 0;
total = 0;

torch.no_grad(() => {
    for (const [imgs, labels] of val_loader) {
        const outputs = model(imgs.view(imgs.shape[0], -1));
        const [_, predicted] = torch.max(outputs, {dim: 1});
        total += labels.shape[0];
        correct += Number((predicted == labels).sum());
    }
});

console.log(\`Accuracy: \${(correct / total).toFixed(6)}\`);`,
];
