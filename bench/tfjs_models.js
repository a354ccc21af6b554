"use strict";
/**
 * bench/models.js's models written directly in TensorFlow.js (NHWC, hand-written backward: tfjs-core
 * registers no gradients in Node), from the kernels a tfjs program would use: fused conv2d, conv2d for
 * the two gradient products, maxPool + MaxPoolGrad, moments / batchNorm, matMul, tfjs's optimizers.
 * Each builder returns { step, infer? } closures over its own variables and inputs.
 */
function tfjsModels(tf) {
  const conv = (k, p) => {
    const pad = [[0, 0], [p, p], [p, p], [0, 0]];
    return {
      fwd: (x, w, b) => tf.fused.conv2d({ x, filter: w, strides: 1, pad, bias: b }),
      bwd: (x, w, g, needDx) => ({
        dx: needDx ? tf.conv2d(g, tf.transpose(tf.reverse(w, [0, 1]), [0, 1, 3, 2]), 1, [[0, 0], [k - 1 - p, k - 1 - p], [k - 1 - p, k - 1 - p], [0, 0]]) : null,
        dw: tf.transpose(tf.conv2d(tf.transpose(x, [3, 1, 2, 0]), tf.transpose(g, [1, 2, 0, 3]), 1, pad), [1, 2, 0, 3]),
        db: tf.sum(g, [0, 1, 2]),
      }),
    };
  };
  const bn = {
    fwd: (x, gamma, beta) => {
      const { mean, variance } = tf.moments(x, [0, 1, 2]);
      const invstd = tf.rsqrt(tf.add(variance, 1e-5));
      const xhat = tf.mul(tf.sub(x, mean), invstd);
      return { out: tf.add(tf.mul(xhat, gamma), beta), xhat, invstd };
    },
    bwd: (s, gamma, g) => {
      const m = g.size / g.shape[3];
      const sumG = tf.sum(g, [0, 1, 2]);
      const sumGX = tf.sum(tf.mul(g, s.xhat), [0, 1, 2]);
      const dx = tf.mul(tf.div(tf.mul(gamma, s.invstd), m), tf.sub(tf.sub(tf.mul(g, m), sumG), tf.mul(s.xhat, sumGX)));
      return { dx, dgamma: sumGX, dbeta: sumG };
    },
    infer: (x, gamma, beta, mean, variance) => tf.batchNorm(x, mean, variance, beta, gamma, 1e-5),
  };
  const relu = { fwd: (x) => tf.relu(x), bwd: (out, g) => tf.mul(g, tf.step(out)) };
  const pool = {
    fwd: (x) => tf.maxPool(x, 2, 2, "valid"),
    bwd: (x, out, g) => tf.engine().runKernel("MaxPoolGrad", { dy: g, input: x, output: out }, { filterSize: 2, strides: 2, pad: "valid" }),
  };
  const ce = {
    fwd: (z, labels) => tf.neg(tf.mean(tf.sum(tf.mul(tf.logSoftmax(z), labels), 1))),
    bwd: (z, labels) => tf.div(tf.sub(tf.softmax(z), labels), z.shape[0]),
  };
  // Explicit transposes: wasm's matMul with a transposed operand runs a slow loop instead of XNNPACK.
  const linear = {
    fwd: (x, w, b) => tf.add(tf.matMul(x, w), b),
    bwd: (x, w, g, needDx) => ({ dx: needDx ? tf.matMul(g, tf.transpose(w)) : null, dw: tf.matMul(tf.transpose(x), g), db: tf.sum(g, 0) }),
  };
  const v = (shape, scale) => tf.variable(scale === 0 ? tf.zeros(shape) : scale === 1 ? tf.ones(shape) : tf.mul(tf.randomNormal(shape), scale));
  const onehot = (n, k) => tf.oneHot(tf.tensor1d(Array.from({ length: n }, (_, i) => i % k), "int32"), k);
  const finish = (loss) => {
    loss.dataSync();
    loss.dispose();
  };

  return {
    net: () => {
      const N = 64;
      const c1 = conv(5, 1), c2 = conv(3, 1);
      const P = { w1: v([5, 5, 1, 32], 0.2), b1: v([32], 0), g1: v([32], 1), e1: v([32], 0), w2: v([3, 3, 32, 64], 0.06), b2: v([64], 0), g2: v([64], 1), e2: v([64], 0), wl: v([10816, 10], 0.01), bl: v([10], 0) };
      const rm1 = tf.zeros([32]), rv1 = tf.ones([32]), rm2 = tf.zeros([64]), rv2 = tf.ones([64]);
      const x = tf.randomNormal([N, 28, 28, 1]);
      const labels = onehot(N, 10);
      const opt = tf.train.sgd(0.01);
      return {
        step: () => finish(tf.tidy(() => {
          const a1 = c1.fwd(x, P.w1, P.b1);
          const p1 = pool.fwd(a1);
          const r1 = relu.fwd(p1);
          const n1 = bn.fwd(r1, P.g1, P.e1);
          const a2 = c2.fwd(n1.out, P.w2, P.b2);
          const r2 = relu.fwd(a2);
          const n2 = bn.fwd(r2, P.g2, P.e2);
          const flat = tf.reshape(n2.out, [N, 10816]);
          const z = linear.fwd(flat, P.wl, P.bl);
          const l = ce.fwd(z, labels);
          const dl = linear.bwd(flat, P.wl, ce.bwd(z, labels), true);
          const dn2 = bn.bwd(n2, P.g2, tf.reshape(dl.dx, n2.out.shape));
          const da2 = c2.bwd(n1.out, P.w2, relu.bwd(r2, dn2.dx), true);
          const dn1 = bn.bwd(n1, P.g1, da2.dx);
          const da1 = c1.bwd(x, P.w1, pool.bwd(a1, p1, relu.bwd(r1, dn1.dx)), false);
          opt.applyGradients({
            [P.w1.name]: da1.dw, [P.b1.name]: da1.db, [P.g1.name]: dn1.dgamma, [P.e1.name]: dn1.dbeta,
            [P.w2.name]: da2.dw, [P.b2.name]: da2.db, [P.g2.name]: dn2.dgamma, [P.e2.name]: dn2.dbeta,
            [P.wl.name]: dl.dw, [P.bl.name]: dl.db,
          });
          return l;
        })),
        infer: () => finish(tf.tidy(() => {
          const r1 = relu.fwd(pool.fwd(c1.fwd(x, P.w1, P.b1)));
          const n1 = bn.infer(r1, P.g1, P.e1, rm1, rv1);
          const n2 = bn.infer(relu.fwd(c2.fwd(n1, P.w2, P.b2)), P.g2, P.e2, rm2, rv2);
          return linear.fwd(tf.reshape(n2, [N, 10816]), P.wl, P.bl);
        })),
      };
    },
    blitz: () => {
      const N = 4;
      const c = conv(5, 0);
      const P = { w1: v([5, 5, 3, 6], 0.1), b1: v([6], 0), w2: v([5, 5, 6, 16], 0.08), b2: v([16], 0), f1: v([400, 120], 0.05), fb1: v([120], 0), f2: v([120, 84], 0.09), fb2: v([84], 0), f3: v([84, 10], 0.1), fb3: v([10], 0) };
      const x = tf.randomNormal([N, 32, 32, 3]);
      const labels = onehot(N, 10);
      const opt = tf.train.momentum(0.001, 0.9);
      return {
        step: () => finish(tf.tidy(() => {
          const a1 = c.fwd(x, P.w1, P.b1), r1 = relu.fwd(a1), p1 = pool.fwd(r1);
          const a2 = c.fwd(p1, P.w2, P.b2), r2 = relu.fwd(a2), p2 = pool.fwd(r2);
          const flat = tf.reshape(p2, [N, 400]);
          const h1 = relu.fwd(linear.fwd(flat, P.f1, P.fb1));
          const h2 = relu.fwd(linear.fwd(h1, P.f2, P.fb2));
          const z = linear.fwd(h2, P.f3, P.fb3);
          const l = ce.fwd(z, labels);
          const d3 = linear.bwd(h2, P.f3, ce.bwd(z, labels), true);
          const d2 = linear.bwd(h1, P.f2, relu.bwd(h2, d3.dx), true);
          const d1 = linear.bwd(flat, P.f1, relu.bwd(h1, d2.dx), true);
          const dc2 = c.bwd(p1, P.w2, relu.bwd(r2, pool.bwd(r2, p2, tf.reshape(d1.dx, p2.shape))), true);
          const dc1 = c.bwd(x, P.w1, relu.bwd(r1, pool.bwd(r1, p1, dc2.dx)), false);
          opt.applyGradients({
            [P.w1.name]: dc1.dw, [P.b1.name]: dc1.db, [P.w2.name]: dc2.dw, [P.b2.name]: dc2.db,
            [P.f1.name]: d1.dw, [P.fb1.name]: d1.db, [P.f2.name]: d2.dw, [P.fb2.name]: d2.db, [P.f3.name]: d3.dw, [P.fb3.name]: d3.db,
          });
          return l;
        })),
      };
    },
    resblock: () => {
      const N = 32;
      const c3 = conv(3, 1), c1 = conv(1, 0);
      const P = {
        w1: v([3, 3, 16, 32], 0.08), b1: v([32], 0), g1: v([32], 1), e1: v([32], 0),
        w2: v([3, 3, 32, 32], 0.06), b2: v([32], 0), g2: v([32], 1), e2: v([32], 0),
        we: v([1, 1, 16, 32], 0.25), be: v([32], 0), ge: v([32], 1), ee: v([32], 0),
      };
      const x = tf.randomNormal([N, 32, 32, 16]);
      const target = tf.randomNormal([N, 32, 32, 32]);
      const opt = tf.train.sgd(0.01);
      return {
        step: () => finish(tf.tidy(() => {
          const a1 = c3.fwd(x, P.w1, P.b1), n1 = bn.fwd(a1, P.g1, P.e1), r1 = relu.fwd(n1.out);
          const a2 = c3.fwd(r1, P.w2, P.b2), n2 = bn.fwd(a2, P.g2, P.e2);
          const ae = c1.fwd(x, P.we, P.be), ne = bn.fwd(ae, P.ge, P.ee);
          const y = tf.add(ne.out, n2.out);
          const diff = tf.sub(y, target);
          const l = tf.mean(tf.square(diff));
          const dy = tf.mul(diff, 2 / diff.size);
          const dn2 = bn.bwd(n2, P.g2, dy), dne = bn.bwd(ne, P.ge, dy);
          const da2 = c3.bwd(r1, P.w2, dn2.dx, true);
          const dn1 = bn.bwd(n1, P.g1, relu.bwd(r1, da2.dx));
          const da1 = c3.bwd(x, P.w1, dn1.dx, false);
          const dae = c1.bwd(x, P.we, dne.dx, false);
          opt.applyGradients({
            [P.w1.name]: da1.dw, [P.b1.name]: da1.db, [P.g1.name]: dn1.dgamma, [P.e1.name]: dn1.dbeta,
            [P.w2.name]: da2.dw, [P.b2.name]: da2.db, [P.g2.name]: dn2.dgamma, [P.e2.name]: dn2.dbeta,
            [P.we.name]: dae.dw, [P.be.name]: dae.db, [P.ge.name]: dne.dgamma, [P.ee.name]: dne.dbeta,
          });
          return l;
        })),
      };
    },
  };
}

module.exports = { tfjsModels };
