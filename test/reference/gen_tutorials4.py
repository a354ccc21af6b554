"""Reference outputs of PyTorch's "Deep Learning for NLP with PyTorch" series (pytorch/tutorials
beginner_source/nlp/, as of PyTorch 1.13), for the line-by-line ports in test/tutorials/nlp_*.test.ts.

Run with Debian's interpreter, which has PyTorch 1.13:
    /usr/bin/python3 test/reference/gen_tutorials4.py
Writes test/reference/tutorials4.json: {section: {name: value}}.

Sections: "Introduction to PyTorch" (nlp_pytorch_tutorial), "Deep Learning with PyTorch"
(nlp_deep_learning: the BoW classifier), "Word Embeddings: Encoding Lexical Semantics"
(nlp_word_embeddings: the N-gram language model, and the CBOW exercise with the usual solution),
"Sequence Models and Long Short-Term Memory Networks" (nlp_sequence_models: the LSTM POS tagger) and
"Advanced: Making Dynamic Decisions and the Bi-LSTM CRF" (nlp_advanced); plus grad_fn_names, the node
names these tutorials print for nn.Embedding and the recurrent layers; the introyt series' "The Fundamentals
of Autograd" (introyt_autograd, without plots and the profiler table), "Building Models with PyTorch"
(introyt_models), "Introduction to PyTorch Tensors" (introyt_tensors,
without its NumPy bridge) and cases of
torch.autograd.functional (autograd_functional) and of torch.sin_ and the other in-place functions
(inplace_functions), and out= on torch.rand / randn / zeros / ones (creation_out).

Each tutorial's own torch.manual_seed(1) gives both sides the same random tensors and initial weights
(torchlab's generator reproduces PyTorch's CPU stream). `printed` holds str() of what each print()
call shows, in order. Two changes, made the same way on both sides: `set(words)` (whose order depends
on Python's string hashing) becomes the words in order of first appearance, which is what JavaScript's
`new Set(words)` iterates; and the long training loops run fewer epochs (named where they are).
"""
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim

from _common import enc
from _tutorial_common import write_json

OUT = {}


def ordered_set(words):
    return list(dict.fromkeys(words))


# ------------------------------------------------------------------ Introduction to PyTorch
def pytorch_tutorial():
    printed = []
    print_ = lambda *a: printed.append(" ".join(str(x) for x in a))  # noqa: E731
    torch.manual_seed(1)
    V_data = [1., 2., 3.]
    V = torch.tensor(V_data)
    print_(V)
    M_data = [[1., 2., 3.], [4., 5., 6]]
    M = torch.tensor(M_data)
    print_(M)
    T_data = [[[1., 2.], [3., 4.]],
              [[5., 6.], [7., 8.]]]
    T = torch.tensor(T_data)
    print_(T)
    print_(V[0])
    print_(V[0].item())
    print_(M[0])
    print_(T[0])
    x = torch.randn((3, 4, 5))
    print_(x)
    x = torch.tensor([1., 2., 3.])
    y = torch.tensor([4., 5., 6.])
    z = x + y
    print_(z)
    x_1 = torch.randn(2, 5)
    y_1 = torch.randn(3, 5)
    z_1 = torch.cat([x_1, y_1])
    print_(z_1)
    x_2 = torch.randn(2, 3)
    y_2 = torch.randn(2, 5)
    z_2 = torch.cat([x_2, y_2], 1)
    print_(z_2)
    try:
        torch.cat([x_1, x_2])
        cat_error = None
    except RuntimeError as e:
        cat_error = str(e)
    x = torch.randn(2, 3, 4)
    print_(x)
    print_(x.view(2, 12))
    print_(x.view(2, -1))
    x = torch.tensor([1., 2., 3], requires_grad=True)
    y = torch.tensor([4., 5., 6], requires_grad=True)
    z = x + y
    print_(z)
    print_(type(z.grad_fn).__name__)
    s = z.sum()
    print_(s)
    print_(type(s.grad_fn).__name__)
    s.backward()
    print_(x.grad)
    x = torch.randn(2, 2)
    y = torch.randn(2, 2)
    print_(x.requires_grad, y.requires_grad)
    z = x + y
    print_(z.grad_fn)
    x = x.requires_grad_()
    y = y.requires_grad_()
    z = x + y
    print_(type(z.grad_fn).__name__)
    print_(z.requires_grad)
    new_z = z.detach()
    print_(new_z.grad_fn)
    print_(x.requires_grad)
    print_((x ** 2).requires_grad)
    with torch.no_grad():
        print_((x ** 2).requires_grad)
    OUT["nlp_pytorch_tutorial"] = {"printed": printed, "cat_error": cat_error}


# ------------------------------------------------------------------ Deep Learning with PyTorch
def deep_learning():
    printed = []
    print_ = lambda *a: printed.append(" ".join(str(x) for x in a))  # noqa: E731
    torch.manual_seed(1)
    lin = nn.Linear(5, 3)
    data = torch.randn(2, 5)
    print_(lin(data))
    data = torch.randn(2, 2)
    print_(data)
    print_(F.relu(data))
    data = torch.randn(5)
    print_(data)
    print_(F.softmax(data, dim=0))
    print_(F.softmax(data, dim=0).sum())
    print_(F.log_softmax(data, dim=0))

    data = [("me gusta comer en la cafeteria".split(), "SPANISH"),
            ("Give it to me".split(), "ENGLISH"),
            ("No creo que sea una buena idea".split(), "SPANISH"),
            ("No it is not a good idea to get lost at sea".split(), "ENGLISH")]
    test_data = [("Yo creo que si".split(), "SPANISH"),
                 ("it is lost on me".split(), "ENGLISH")]
    word_to_ix = {}
    for sent, _ in data + test_data:
        for word in sent:
            if word not in word_to_ix:
                word_to_ix[word] = len(word_to_ix)
    word_to_ix_list = list(word_to_ix.items())
    VOCAB_SIZE = len(word_to_ix)
    NUM_LABELS = 2

    class BoWClassifier(nn.Module):
        def __init__(self, num_labels, vocab_size):
            super(BoWClassifier, self).__init__()
            self.linear = nn.Linear(vocab_size, num_labels)

        def forward(self, bow_vec):
            return F.log_softmax(self.linear(bow_vec), dim=1)

    def make_bow_vector(sentence, word_to_ix):
        vec = torch.zeros(len(word_to_ix))
        for word in sentence:
            vec[word_to_ix[word]] += 1
        return vec.view(1, -1)

    def make_target(label, label_to_ix):
        return torch.LongTensor([label_to_ix[label]])

    model = BoWClassifier(NUM_LABELS, VOCAB_SIZE)
    for param in model.parameters():
        print_(param)
    with torch.no_grad():
        sample = data[0]
        bow_vector = make_bow_vector(sample[0], word_to_ix)
        log_probs = model(bow_vector)
        print_(log_probs)
    label_to_ix = {"SPANISH": 0, "ENGLISH": 1}
    with torch.no_grad():
        for instance, label in test_data:
            bow_vec = make_bow_vector(instance, word_to_ix)
            log_probs = model(bow_vec)
            print_(log_probs)
    print_(next(model.parameters())[:, word_to_ix["creo"]])
    loss_function = nn.NLLLoss()
    optimizer = optim.SGD(model.parameters(), lr=0.1)
    for epoch in range(100):
        for instance, label in data:
            model.zero_grad()
            bow_vec = make_bow_vector(instance, word_to_ix)
            target = make_target(label, label_to_ix)
            log_probs = model(bow_vec)
            loss = loss_function(log_probs, target)
            loss.backward()
            optimizer.step()
    with torch.no_grad():
        for instance, label in test_data:
            bow_vec = make_bow_vector(instance, word_to_ix)
            log_probs = model(bow_vec)
            print_(log_probs)
    print_(next(model.parameters())[:, word_to_ix["creo"]])
    OUT["nlp_deep_learning"] = {"printed": printed, "word_to_ix": word_to_ix_list, "weight": enc(model.linear.weight)}


# ------------------------------------------------------------------ Word Embeddings
TEST_SENTENCE = """When forty winters shall besiege thy brow,
And dig deep trenches in thy beauty's field,
Thy youth's proud livery so gazed on now,
Will be a totter'd weed of small worth held:
Then being asked, where all thy beauty lies,
Where all the treasure of thy lusty days;
To say, within thine own deep sunken eyes,
Were an all-eating shame, and thriftless praise.
How much more praise deserv'd thy beauty's use,
If thou couldst answer 'This fair child of mine
Shall sum my count, and make my old excuse,'
Proving his beauty by succession thine!
This were to be new made when thou art old,
And see thy blood warm when thou feel'st it cold."""
RAW_TEXT = """We are about to study the idea of a computational process.
Computational processes are abstract beings that inhabit computers.
As they evolve, processes manipulate other abstract things called data.
The evolution of a process is directed by a pattern of rules
called a program. People create programs to direct processes. In effect,
we conjure the spirits of the computer with our spells."""
NGRAM_EPOCHS = 3  # the tutorial's 10


def word_embeddings():
    r = {}
    printed = []
    print_ = lambda *a: printed.append(" ".join(str(x) for x in a))  # noqa: E731
    torch.manual_seed(1)
    word_to_ix = {"hello": 0, "world": 1}
    embeds = nn.Embedding(2, 5)
    lookup_tensor = torch.tensor([word_to_ix["hello"]], dtype=torch.long)
    hello_embed = embeds(lookup_tensor)
    print_(hello_embed)

    CONTEXT_SIZE = 2
    EMBEDDING_DIM = 10
    test_sentence = TEST_SENTENCE.split()
    ngrams = [
        (
            [test_sentence[i - j - 1] for j in range(CONTEXT_SIZE)],
            test_sentence[i]
        )
        for i in range(CONTEXT_SIZE, len(test_sentence))
    ]
    r["ngrams3"] = ngrams[:3]
    vocab = ordered_set(test_sentence)
    word_to_ix = {word: i for i, word in enumerate(vocab)}

    class NGramLanguageModeler(nn.Module):
        def __init__(self, vocab_size, embedding_dim, context_size):
            super(NGramLanguageModeler, self).__init__()
            self.embeddings = nn.Embedding(vocab_size, embedding_dim)
            self.linear1 = nn.Linear(context_size * embedding_dim, 128)
            self.linear2 = nn.Linear(128, vocab_size)

        def forward(self, inputs):
            embeds = self.embeddings(inputs).view((1, -1))
            out = F.relu(self.linear1(embeds))
            out = self.linear2(out)
            log_probs = F.log_softmax(out, dim=1)
            return log_probs

    losses = []
    loss_function = nn.NLLLoss()
    model = NGramLanguageModeler(len(vocab), EMBEDDING_DIM, CONTEXT_SIZE)
    optimizer = optim.SGD(model.parameters(), lr=0.001)
    for epoch in range(NGRAM_EPOCHS):
        total_loss = 0
        for context, target in ngrams:
            context_idxs = torch.tensor([word_to_ix[w] for w in context], dtype=torch.long)
            model.zero_grad()
            log_probs = model(context_idxs)
            loss = loss_function(log_probs, torch.tensor([word_to_ix[target]], dtype=torch.long))
            loss.backward()
            optimizer.step()
            total_loss += loss.item()
        losses.append(total_loss)
    r["losses"] = losses
    print_(model.embeddings.weight[word_to_ix["beauty"]])

    # The CBOW exercise, with the usual solution: sum the context's embeddings, one linear layer, log_softmax.
    CONTEXT_SIZE = 2
    raw_text = RAW_TEXT.split()
    vocab = ordered_set(raw_text)
    vocab_size = len(vocab)
    word_to_ix = {word: i for i, word in enumerate(vocab)}
    data = []
    for i in range(CONTEXT_SIZE, len(raw_text) - CONTEXT_SIZE):
        context = (
            [raw_text[i - j - 1] for j in range(CONTEXT_SIZE)]
            + [raw_text[i + j + 1] for j in range(CONTEXT_SIZE)]
        )
        target = raw_text[i]
        data.append((context, target))
    r["cbow_data5"] = data[:5]

    class CBOW(nn.Module):
        def __init__(self, vocab_size, embedding_dim):
            super(CBOW, self).__init__()
            self.embeddings = nn.Embedding(vocab_size, embedding_dim)
            self.linear = nn.Linear(embedding_dim, vocab_size)

        def forward(self, inputs):
            embeds = self.embeddings(inputs).sum(dim=0).view(1, -1)
            return F.log_softmax(self.linear(embeds), dim=1)

    def make_context_vector(context, word_to_ix):
        idxs = [word_to_ix[w] for w in context]
        return torch.tensor(idxs, dtype=torch.long)

    r["context_vector0"] = enc(make_context_vector(data[0][0], word_to_ix))
    model = CBOW(vocab_size, EMBEDDING_DIM)
    optimizer = optim.SGD(model.parameters(), lr=0.05)
    cbow_losses = []
    for epoch in range(5):
        total_loss = 0
        for context, target in data:
            model.zero_grad()
            log_probs = model(make_context_vector(context, word_to_ix))
            loss = loss_function(log_probs, torch.tensor([word_to_ix[target]], dtype=torch.long))
            loss.backward()
            optimizer.step()
            total_loss += loss.item()
        cbow_losses.append(total_loss)
    r["cbow_losses"] = cbow_losses
    with torch.no_grad():
        r["cbow_pred"] = [vocab[model(make_context_vector(c, word_to_ix)).argmax(dim=1).item()] for c, _ in data[:6]]
    r["printed"] = printed
    OUT["nlp_word_embeddings"] = r


# ------------------------------------------------------------------ Sequence Models and LSTMs
TAGGER_EPOCHS = 60  # the tutorial's 300


def sequence_models():
    printed = []
    print_ = lambda *a: printed.append(" ".join(str(x) for x in a))  # noqa: E731
    torch.manual_seed(1)
    lstm = nn.LSTM(3, 3)
    inputs = [torch.randn(1, 3) for _ in range(5)]
    hidden = (torch.randn(1, 1, 3),
              torch.randn(1, 1, 3))
    for i in inputs:
        out, hidden = lstm(i.view(1, 1, -1), hidden)
    step_out = enc(out)
    inputs = torch.cat(inputs).view(len(inputs), 1, -1)
    hidden = (torch.randn(1, 1, 3), torch.randn(1, 1, 3))
    out, hidden = lstm(inputs, hidden)
    print_(out)
    print_(hidden[0])
    print_(hidden[1])

    def prepare_sequence(seq, to_ix):
        idxs = [to_ix[w] for w in seq]
        return torch.tensor(idxs, dtype=torch.long)

    training_data = [
        ("The dog ate the apple".split(), ["DET", "NN", "V", "DET", "NN"]),
        ("Everybody read that book".split(), ["NN", "V", "DET", "NN"])
    ]
    word_to_ix = {}
    for sent, tags in training_data:
        for word in sent:
            if word not in word_to_ix:
                word_to_ix[word] = len(word_to_ix)
    tag_to_ix = {"DET": 0, "NN": 1, "V": 2}
    EMBEDDING_DIM = 6
    HIDDEN_DIM = 6

    class LSTMTagger(nn.Module):
        def __init__(self, embedding_dim, hidden_dim, vocab_size, tagset_size):
            super(LSTMTagger, self).__init__()
            self.hidden_dim = hidden_dim
            self.word_embeddings = nn.Embedding(vocab_size, embedding_dim)
            self.lstm = nn.LSTM(embedding_dim, hidden_dim)
            self.hidden2tag = nn.Linear(hidden_dim, tagset_size)

        def forward(self, sentence):
            embeds = self.word_embeddings(sentence)
            lstm_out, _ = self.lstm(embeds.view(len(sentence), 1, -1))
            tag_space = self.hidden2tag(lstm_out.view(len(sentence), -1))
            tag_scores = F.log_softmax(tag_space, dim=1)
            return tag_scores

    model = LSTMTagger(EMBEDDING_DIM, HIDDEN_DIM, len(word_to_ix), len(tag_to_ix))
    loss_function = nn.NLLLoss()
    optimizer = optim.SGD(model.parameters(), lr=0.1)
    with torch.no_grad():
        inputs = prepare_sequence(training_data[0][0], word_to_ix)
        tag_scores = model(inputs)
        print_(tag_scores)
    losses = []
    for epoch in range(TAGGER_EPOCHS):
        for sentence, tags in training_data:
            model.zero_grad()
            sentence_in = prepare_sequence(sentence, word_to_ix)
            targets = prepare_sequence(tags, tag_to_ix)
            tag_scores = model(sentence_in)
            loss = loss_function(tag_scores, targets)
            loss.backward()
            optimizer.step()
        losses.append(loss.item())
    with torch.no_grad():
        inputs = prepare_sequence(training_data[0][0], word_to_ix)
        tag_scores = model(inputs)
        print_(tag_scores)
    OUT["nlp_sequence_models"] = {"printed": printed, "step_out": step_out, "losses": losses,
                                  "argmax": tag_scores.argmax(dim=1).tolist()}


# ------------------------------------------------------------------ Advanced: Bi-LSTM CRF
CRF_EPOCHS = 8  # the tutorial's 300


def advanced():
    r = {}
    torch.manual_seed(1)

    def argmax(vec):
        _, idx = torch.max(vec, 1)
        return idx.item()

    def prepare_sequence(seq, to_ix):
        idxs = [to_ix[w] for w in seq]
        return torch.tensor(idxs, dtype=torch.long)

    def log_sum_exp(vec):
        max_score = vec[0, argmax(vec)]
        max_score_broadcast = max_score.view(1, -1).expand(1, vec.size()[1])
        return max_score + \
            torch.log(torch.sum(torch.exp(vec - max_score_broadcast)))

    class BiLSTM_CRF(nn.Module):
        def __init__(self, vocab_size, tag_to_ix, embedding_dim, hidden_dim):
            super(BiLSTM_CRF, self).__init__()
            self.embedding_dim = embedding_dim
            self.hidden_dim = hidden_dim
            self.vocab_size = vocab_size
            self.tag_to_ix = tag_to_ix
            self.tagset_size = len(tag_to_ix)
            self.word_embeds = nn.Embedding(vocab_size, embedding_dim)
            self.lstm = nn.LSTM(embedding_dim, hidden_dim // 2, num_layers=1, bidirectional=True)
            self.hidden2tag = nn.Linear(hidden_dim, self.tagset_size)
            self.transitions = nn.Parameter(torch.randn(self.tagset_size, self.tagset_size))
            self.transitions.data[tag_to_ix[START_TAG], :] = -10000
            self.transitions.data[:, tag_to_ix[STOP_TAG]] = -10000
            self.hidden = self.init_hidden()

        def init_hidden(self):
            return (torch.randn(2, 1, self.hidden_dim // 2),
                    torch.randn(2, 1, self.hidden_dim // 2))

        def _forward_alg(self, feats):
            init_alphas = torch.full((1, self.tagset_size), -10000.)
            init_alphas[0][self.tag_to_ix[START_TAG]] = 0.
            forward_var = init_alphas
            for feat in feats:
                alphas_t = []
                for next_tag in range(self.tagset_size):
                    emit_score = feat[next_tag].view(1, -1).expand(1, self.tagset_size)
                    trans_score = self.transitions[next_tag].view(1, -1)
                    next_tag_var = forward_var + trans_score + emit_score
                    alphas_t.append(log_sum_exp(next_tag_var).view(1))
                forward_var = torch.cat(alphas_t).view(1, -1)
            terminal_var = forward_var + self.transitions[self.tag_to_ix[STOP_TAG]]
            alpha = log_sum_exp(terminal_var)
            return alpha

        def _get_lstm_features(self, sentence):
            self.hidden = self.init_hidden()
            embeds = self.word_embeds(sentence).view(len(sentence), 1, -1)
            lstm_out, self.hidden = self.lstm(embeds, self.hidden)
            lstm_out = lstm_out.view(len(sentence), self.hidden_dim)
            lstm_feats = self.hidden2tag(lstm_out)
            return lstm_feats

        def _score_sentence(self, feats, tags):
            score = torch.zeros(1)
            tags = torch.cat([torch.tensor([self.tag_to_ix[START_TAG]], dtype=torch.long), tags])
            for i, feat in enumerate(feats):
                score = score + \
                    self.transitions[tags[i + 1], tags[i]] + feat[tags[i + 1]]
            score = score + self.transitions[self.tag_to_ix[STOP_TAG], tags[-1]]
            return score

        def _viterbi_decode(self, feats):
            backpointers = []
            init_vvars = torch.full((1, self.tagset_size), -10000.)
            init_vvars[0][self.tag_to_ix[START_TAG]] = 0
            forward_var = init_vvars
            for feat in feats:
                bptrs_t = []
                viterbivars_t = []
                for next_tag in range(self.tagset_size):
                    next_tag_var = forward_var + self.transitions[next_tag]
                    best_tag_id = argmax(next_tag_var)
                    bptrs_t.append(best_tag_id)
                    viterbivars_t.append(next_tag_var[0][best_tag_id].view(1))
                forward_var = (torch.cat(viterbivars_t) + feat).view(1, -1)
                backpointers.append(bptrs_t)
            terminal_var = forward_var + self.transitions[self.tag_to_ix[STOP_TAG]]
            best_tag_id = argmax(terminal_var)
            path_score = terminal_var[0][best_tag_id]
            best_path = [best_tag_id]
            for bptrs_t in reversed(backpointers):
                best_tag_id = bptrs_t[best_tag_id]
                best_path.append(best_tag_id)
            start = best_path.pop()
            assert start == self.tag_to_ix[START_TAG]
            best_path.reverse()
            return path_score, best_path

        def neg_log_likelihood(self, sentence, tags):
            feats = self._get_lstm_features(sentence)
            forward_score = self._forward_alg(feats)
            gold_score = self._score_sentence(feats, tags)
            return forward_score - gold_score

        def forward(self, sentence):
            lstm_feats = self._get_lstm_features(sentence)
            score, tag_seq = self._viterbi_decode(lstm_feats)
            return score, tag_seq

    START_TAG = "<START>"
    STOP_TAG = "<STOP>"
    EMBEDDING_DIM = 5
    HIDDEN_DIM = 4
    training_data = [(
        "the wall street journal reported today that apple corporation made money".split(),
        "B I I I O O O B I O O".split()
    ), (
        "georgia tech is a university in georgia".split(),
        "B I O O O O B".split()
    )]
    word_to_ix = {}
    for sentence, tags in training_data:
        for word in sentence:
            if word not in word_to_ix:
                word_to_ix[word] = len(word_to_ix)
    tag_to_ix = {"B": 0, "I": 1, "O": 2, START_TAG: 3, STOP_TAG: 4}
    model = BiLSTM_CRF(len(word_to_ix), tag_to_ix, EMBEDDING_DIM, HIDDEN_DIM)
    optimizer = optim.SGD(model.parameters(), lr=0.01, weight_decay=1e-4)
    with torch.no_grad():
        precheck_sent = prepare_sequence(training_data[0][0], word_to_ix)
        precheck_tags = torch.tensor([tag_to_ix[t] for t in training_data[0][1]], dtype=torch.long)
        score, path = model(precheck_sent)
        r["before"] = [str(score), path]
        r["nll_before"] = model.neg_log_likelihood(precheck_sent, precheck_tags).item()
    losses = []
    for epoch in range(CRF_EPOCHS):
        for sentence, tags in training_data:
            model.zero_grad()
            sentence_in = prepare_sequence(sentence, word_to_ix)
            targets = torch.tensor([tag_to_ix[t] for t in tags], dtype=torch.long)
            loss = model.neg_log_likelihood(sentence_in, targets)
            loss.backward()
            optimizer.step()
            losses.append(loss.item())
    r["losses"] = losses
    r["transitions"] = enc(model.transitions)
    with torch.no_grad():
        precheck_sent = prepare_sequence(training_data[0][0], word_to_ix)
        score, path = model(precheck_sent)
        r["after"] = [str(score), path]
    OUT["nlp_advanced"] = r


# ------------------------------------------------------------------ grad_fn names the NLP tutorials print
def grad_fn_names():
    """What the tutorials print after `grad_fn=`: nn.Embedding's lookups and the recurrent layers' outputs."""
    from torch.nn.utils.rnn import pack_sequence
    r = {}
    name = lambda t: None if t.grad_fn is None else type(t.grad_fn).__name__  # noqa: E731
    torch.manual_seed(0)
    r["embedding"] = name(nn.Embedding(4, 3)(torch.tensor([[1, 2], [3, 0]])))
    r["embedding_pad"] = name(nn.Embedding(4, 3, padding_idx=0)(torch.tensor([1, 0])))
    r["F_embedding"] = name(F.embedding(torch.tensor([1, 2]), torch.randn(4, 3, requires_grad=True)))
    cases = {
        "lstm": (lambda: nn.LSTM(3, 3), lambda: torch.randn(5, 1, 3)),
        "lstm_bi": (lambda: nn.LSTM(3, 2, bidirectional=True), lambda: torch.randn(5, 1, 3)),
        "lstm_2l": (lambda: nn.LSTM(3, 2, num_layers=2), lambda: torch.randn(5, 1, 3)),
        "lstm_bf": (lambda: nn.LSTM(3, 2, batch_first=True), lambda: torch.randn(2, 5, 3)),
        "lstm_unbatched": (lambda: nn.LSTM(3, 2), lambda: torch.randn(5, 3)),
        "gru": (lambda: nn.GRU(3, 3), lambda: torch.randn(5, 1, 3)),
        "gru_bi": (lambda: nn.GRU(3, 3, bidirectional=True), lambda: torch.randn(5, 1, 3)),
        "rnn": (lambda: nn.RNN(3, 3), lambda: torch.randn(5, 1, 3)),
        "rnn_unbatched": (lambda: nn.RNN(3, 3), lambda: torch.randn(5, 3)),
        "lstm_packed": (lambda: nn.LSTM(3, 2), lambda: pack_sequence([torch.randn(3, 3), torch.randn(2, 3)])),
        "lstm_bi_packed": (lambda: nn.LSTM(3, 2, bidirectional=True), lambda: pack_sequence([torch.randn(3, 3), torch.randn(2, 3)])),
    }
    for k, (m, x) in cases.items():
        out, hid = m()(x())
        out = out.data if hasattr(out, "batch_sizes") else out
        hid = hid if isinstance(hid, tuple) else (hid,)
        r[k] = [name(out)] + [name(h) for h in hid]
    OUT["grad_fn_names"] = r


# ------------------------------------------------------------------ introyt: The Fundamentals of Autograd
def introyt_autograd():
    """beginner_source/introyt/autogradyt_tutorial.py without its plots and the profiler's timing table;
    the tutorial does not seed, the port seeds with torch.manual_seed(0) first."""
    import math
    printed = []
    print_ = lambda *a: printed.append(" ".join(str(x) for x in a))  # noqa: E731
    node = lambda f: None if f is None else type(f).__name__  # noqa: E731
    torch.manual_seed(0)
    a = torch.linspace(0., 2. * math.pi, steps=25, requires_grad=True)
    print_(a)
    b = torch.sin(a)
    print_(b)
    c = 2 * b
    print_(c)
    d = c + 1
    print_(d)
    out = d.sum()
    print_(out)
    chain = [node(d.grad_fn),
             [[node(f), i] for f, i in d.grad_fn.next_functions],
             [[node(f), i] for f, i in d.grad_fn.next_functions[0][0].next_functions],
             [[node(f), i] for f, i in d.grad_fn.next_functions[0][0].next_functions[0][0].next_functions],
             [[node(f), i] for f, i in d.grad_fn.next_functions[0][0].next_functions[0][0].next_functions[0][0].next_functions],
             node(c.grad_fn), node(b.grad_fn), node(a.grad_fn)]
    out.backward()
    print_(a.grad)

    BATCH_SIZE = 16
    DIM_IN = 1000
    HIDDEN_SIZE = 100
    DIM_OUT = 10

    class TinyModel(torch.nn.Module):
        def __init__(self):
            super(TinyModel, self).__init__()
            self.layer1 = torch.nn.Linear(1000, 100)
            self.relu = torch.nn.ReLU()
            self.layer2 = torch.nn.Linear(100, 10)

        def forward(self, x):
            x = self.layer1(x)
            x = self.relu(x)
            x = self.layer2(x)
            return x

    some_input = torch.randn(BATCH_SIZE, DIM_IN, requires_grad=False)
    ideal_output = torch.randn(BATCH_SIZE, DIM_OUT, requires_grad=False)
    model = TinyModel()
    print_(model.layer2.weight[0][0:10])
    print_(model.layer2.weight.grad)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.001)
    prediction = model(some_input)
    loss = (ideal_output - prediction).pow(2).sum()
    print_(loss)
    loss.backward()
    print_(model.layer2.weight[0][0:10])
    print_(model.layer2.weight.grad[0][0:10])
    optimizer.step()
    print_(model.layer2.weight[0][0:10])
    print_(model.layer2.weight.grad[0][0:10])
    print_(model.layer2.weight.grad[0][0:10])
    for i in range(0, 5):
        prediction = model(some_input)
        loss = (ideal_output - prediction).pow(2).sum()
        loss.backward()
    print_(model.layer2.weight.grad[0][0:10])
    optimizer.zero_grad()
    print_(model.layer2.weight.grad)

    a = torch.ones(2, 3, requires_grad=True)
    print_(a)
    b1 = 2 * a
    print_(b1)
    a.requires_grad = False
    b2 = 2 * a
    print_(b2)
    a = torch.ones(2, 3, requires_grad=True) * 2
    b = torch.ones(2, 3, requires_grad=True) * 3
    c1 = a + b
    print_(c1)
    with torch.no_grad():
        c2 = a + b
    print_(c2)
    c3 = a * b
    print_(c3)

    def add_tensors1(x, y):
        return x + y

    @torch.no_grad()
    def add_tensors2(x, y):
        return x + y

    a = torch.ones(2, 3, requires_grad=True) * 2
    b = torch.ones(2, 3, requires_grad=True) * 3
    c1 = add_tensors1(a, b)
    print_(c1)
    c2 = add_tensors2(a, b)
    print_(c2)
    x = torch.rand(5, requires_grad=True)
    y = x.detach()
    print_(x)
    print_(y)
    try:
        a = torch.linspace(0., 2. * math.pi, steps=25, requires_grad=True)
        torch.sin_(a)
        inplace_error = None
    except RuntimeError as e:
        inplace_error = str(e)

    x = torch.randn(3, requires_grad=True)
    y = x * 2
    while y.data.norm() < 1000:
        y = y * 2
    print_(y)
    v = torch.tensor([0.1, 1.0, 0.0001], dtype=torch.float)
    y.backward(v)
    print_(x.grad)

    def exp_adder(x, y):
        return 2 * x.exp() + 3 * y

    inputs = (torch.rand(1), torch.rand(1))
    print_(inputs[0])
    print_(inputs[1])
    j1 = torch.autograd.functional.jacobian(exp_adder, inputs)
    print_(j1[0])
    print_(j1[1])
    inputs = (torch.rand(3), torch.rand(3))
    print_(inputs[0])
    print_(inputs[1])
    j3 = torch.autograd.functional.jacobian(exp_adder, inputs)
    print_(j3[0])
    print_(j3[1])

    def do_some_doubling(x):
        y = x * 2
        while y.data.norm() < 1000:
            y = y * 2
        return y

    inputs = torch.randn(3)
    my_gradients = torch.tensor([0.1, 1.0, 0.0001])
    o, g = torch.autograd.functional.vjp(do_some_doubling, inputs, v=my_gradients)
    print_(o)
    print_(g)
    OUT["introyt_autograd"] = {"printed": printed, "chain": chain, "inplace_error": inplace_error}


def autograd_functional():
    """torch.autograd.functional.jacobian / vjp beyond the tutorial: shapes, tuples, unused inputs, errors."""
    from _tutorial_common import err
    AF = torch.autograd.functional
    r = {}
    x = torch.tensor([[0.5, -1.0, 2.0], [1.5, 0.25, -0.75]])
    w = torch.tensor([0.3, -0.2, 0.9])
    r["jac_matrix"] = enc(AF.jacobian(lambda t: (t * t).sum(1), x))
    r["jac_tuple_out"] = [enc(j) for j in AF.jacobian(lambda t: (t.sin(), t.sum()), w)]
    jj = AF.jacobian(lambda a, b: (a * b, a.exp().sum()), (w, w.flip(0)))
    r["jac_tuple_both"] = [[enc(j) for j in row] for row in jj]
    r["jac_unused"] = [enc(j) for j in AF.jacobian(lambda a, b: a * 2, (w, x))]
    r["jac_const"] = enc(AF.jacobian(lambda a: torch.ones(2), w))
    out, g = AF.vjp(lambda t: (t ** 3).sum(), w)
    r["vjp_scalar"] = [enc(out), enc(g)]
    out, g = AF.vjp(lambda a, b: a * b.sum(), (w, x), torch.tensor([1.0, 2.0, -1.0]))
    r["vjp_tuple"] = [enc(out), [enc(t) for t in g]]
    r["errors"] = {
        "vjp_no_v": err(lambda: AF.vjp(lambda t: t * 2, w)),
        "vjp_v_size": err(lambda: AF.vjp(lambda t: t * 2, w, torch.ones(2))),
        "jac_strict": err(lambda: AF.jacobian(lambda a, b: a * 2, (w, x), strict=True)),
        "vjp_strict": err(lambda: AF.vjp(lambda a, b: (a * 2).sum(), (w, x), strict=True)),
        "jac_bad_input": err(lambda: AF.jacobian(lambda a: a, (w, 3))),
    }
    OUT["autograd_functional"] = r


def inplace_functions():
    """torch.sin_(x) and friends (the introyt autograd tutorial's in-place example): values, grad_fn
    names and gradients through a non-leaf, and the error on a leaf that requires grad."""
    from _tutorial_common import err
    r = {}
    base = torch.tensor([0.3, -0.7, 1.2, 2.0])
    for name in ["sin_", "cos_", "log_", "exp_", "sqrt_", "tanh_", "sigmoid_", "relu_", "neg_", "abs_"]:
        x = base.clone().requires_grad_()
        y = x * 1.5 if name not in ("log_", "sqrt_") else x.abs() + 0.5
        z = getattr(torch, name)(y)
        (z * torch.tensor([1.0, 2.0, 3.0, 4.0])).sum().backward()
        r[name] = {"out": enc(z), "grad_fn": type(z.grad_fn).__name__, "grad": enc(x.grad), "same": z is y}
    r["leaf_error"] = err(lambda: torch.sin_(torch.ones(2, requires_grad=True)))
    OUT["inplace_functions"] = r


# ------------------------------------------------------------------ introyt: Building Models with PyTorch
def introyt_models():
    """beginner_source/introyt/modelsyt_tutorial.py's printed cells (LeNet and LSTMTagger are only
    defined there, never run); the tutorial does not seed, the port seeds with torch.manual_seed(0)."""
    printed = []
    print_ = lambda *a: printed.append(" ".join(str(x) for x in a))  # noqa: E731
    torch.manual_seed(0)

    class TinyModel(torch.nn.Module):
        def __init__(self):
            super(TinyModel, self).__init__()
            self.linear1 = torch.nn.Linear(100, 200)
            self.activation = torch.nn.ReLU()
            self.linear2 = torch.nn.Linear(200, 10)
            self.softmax = torch.nn.Softmax()

        def forward(self, x):
            x = self.linear1(x)
            x = self.activation(x)
            x = self.linear2(x)
            x = self.softmax(x)
            return x

    tinymodel = TinyModel()
    print_('The model:')
    print_(tinymodel)
    print_('\n\nJust one layer:')
    print_(tinymodel.linear2)
    print_('\n\nModel params:')
    for param in tinymodel.parameters():
        print_(param)
    print_('\n\nLayer params:')
    for param in tinymodel.linear2.parameters():
        print_(param)
    lin = torch.nn.Linear(3, 2)
    x = torch.rand(1, 3)
    print_('Input:')
    print_(x)
    print_('\n\nWeight and Bias parameters:')
    for param in lin.parameters():
        print_(param)
    y = lin(x)
    print_('\n\nOutput:')
    print_(y)
    my_tensor = torch.rand(1, 6, 6)
    print_(my_tensor)
    maxpool_layer = torch.nn.MaxPool2d(3)
    print_(maxpool_layer(my_tensor))
    my_tensor = torch.rand(1, 4, 4) * 20 + 5
    print_(my_tensor)
    print_(my_tensor.mean())
    norm_layer = torch.nn.BatchNorm1d(4)
    normed_tensor = norm_layer(my_tensor)
    print_(normed_tensor)
    print_(normed_tensor.mean())
    my_tensor = torch.rand(1, 4, 4)
    dropout = torch.nn.Dropout(p=0.4)
    print_(dropout(my_tensor))
    print_(dropout(my_tensor))
    OUT["introyt_models"] = {"printed": printed}


# ------------------------------------------------------------------ introyt: Introduction to PyTorch Tensors
def introyt_tensors():
    """beginner_source/introyt/tensors_deeper_tutorial.py up to its NumPy bridge (creation, seeding,
    *_like, dtypes, arithmetic, broadcasting, the sample of ops, in-place ops and out=, copying, devices
    on a CPU-only machine, squeeze / unsqueeze / reshape).
    torch.empty's contents are whatever was in memory, so only their shapes are recorded."""
    import math
    printed = []
    print_ = lambda *a: printed.append(" ".join(str(x) for x in a))  # noqa: E731
    r = {}
    x = torch.empty(3, 4)
    r["empty_shape"] = list(x.shape)
    zeros = torch.zeros(2, 3)
    print_(zeros)
    ones = torch.ones(2, 3)
    print_(ones)
    torch.manual_seed(1729)
    random = torch.rand(2, 3)
    print_(random)
    torch.manual_seed(1729)
    random1 = torch.rand(2, 3)
    print_(random1)
    random2 = torch.rand(2, 3)
    print_(random2)
    torch.manual_seed(1729)
    random3 = torch.rand(2, 3)
    print_(random3)
    random4 = torch.rand(2, 3)
    print_(random4)
    x = torch.empty(2, 2, 3)
    print_(x.shape)
    empty_like_x = torch.empty_like(x)
    print_(empty_like_x.shape)
    zeros_like_x = torch.zeros_like(x)
    print_(zeros_like_x.shape)
    print_(zeros_like_x)
    ones_like_x = torch.ones_like(x)
    print_(ones_like_x.shape)
    print_(ones_like_x)
    rand_like_x = torch.rand_like(x)
    print_(rand_like_x.shape)
    print_(rand_like_x)
    some_constants = torch.tensor([[3.1415926, 2.71828], [1.61803, 0.0072897]])
    print_(some_constants)
    some_integers = torch.tensor((2, 3, 5, 7, 11, 13, 17, 19))
    print_(some_integers)
    more_integers = torch.tensor(((2, 4, 6), [3, 6, 9]))
    print_(more_integers)
    a = torch.ones((2, 3), dtype=torch.int16)
    r["int16"] = str(a)
    b = torch.rand((2, 3), dtype=torch.float64) * 20.
    r["float64"] = str(b)
    c = b.to(torch.int32)
    r["to_int32"] = str(c)
    ones = torch.zeros(2, 2) + 1
    twos = torch.ones(2, 2) * 2
    threes = (torch.ones(2, 2) * 7 - 1) / 2
    fours = twos ** 2
    sqrt2s = twos ** 0.5
    print_(ones)
    print_(twos)
    print_(threes)
    print_(fours)
    print_(sqrt2s)
    powers2 = twos ** torch.tensor([[1, 2], [3, 4]])
    print_(powers2)
    fives = ones + fours
    print_(fives)
    dozens = threes * fours
    print_(dozens)
    try:
        torch.rand(2, 3) * torch.rand(3, 2)
    except RuntimeError as e:
        r["mul_error"] = str(e)
    rand = torch.rand(2, 4)
    doubled = rand * (torch.ones(1, 4) * 2)
    print_(rand)
    print_(doubled)
    a = torch.ones(4, 3, 2)
    b = a * torch.rand(3, 2)
    print_(b)
    c = a * torch.rand(3, 1)
    print_(c)
    d = a * torch.rand(1, 2)
    print_(d)
    a = torch.rand(2, 4) * 2 - 1
    print_('Common functions:')
    print_(torch.abs(a))
    print_(torch.ceil(a))
    print_(torch.floor(a))
    print_(torch.clamp(a, -0.5, 0.5))
    angles = torch.tensor([0, math.pi / 4, math.pi / 2, 3 * math.pi / 4])
    sines = torch.sin(angles)
    inverses = torch.asin(sines)
    print_('\nSine and arcsine:')
    print_(angles)
    print_(sines)
    print_(inverses)
    print_('\nBitwise XOR:')
    b = torch.tensor([1, 5, 11])
    c = torch.tensor([2, 7, 10])
    print_(torch.bitwise_xor(b, c))
    print_('\nBroadcasted, element-wise equality comparison:')
    d = torch.tensor([[1., 2.], [3., 4.]])
    e = torch.ones(1, 2)
    print_(torch.eq(d, e))
    print_('\nReduction ops:')
    print_(torch.max(d))
    print_(torch.max(d).item())
    print_(torch.mean(d))
    print_(torch.std(d))
    print_(torch.prod(d))
    print_(torch.unique(torch.tensor([1, 2, 1, 2, 1, 2])))
    v1 = torch.tensor([1., 0., 0.])
    v2 = torch.tensor([0., 1., 0.])
    m1 = torch.rand(2, 2)
    m2 = torch.tensor([[3., 0.], [0., 3.]])
    print_('\nVectors & Matrices:')
    print_(torch.cross(v2, v1))
    print_(m1)
    m3 = torch.matmul(m1, m2)
    print_(m3)
    U, S, V = torch.svd(m3)
    r["svd"] = [enc(U.abs()), enc(S), enc(V.abs()), enc(U @ torch.diag(S) @ V.t())]

    # The second half: in place, out=, copying, devices, shapes (the NumPy bridge is left out).
    a = torch.tensor([0, math.pi / 4, math.pi / 2, 3 * math.pi / 4])
    print_('a:')
    print_(a)
    print_(torch.sin(a))
    print_(a)
    b = torch.tensor([0, math.pi / 4, math.pi / 2, 3 * math.pi / 4])
    print_('\nb:')
    print_(b)
    print_(torch.sin_(b))
    print_(b)
    a = torch.ones(2, 2)
    b = torch.rand(2, 2)
    print_('Before:')
    print_(a)
    print_(b)
    print_('\nAfter adding:')
    print_(a.add_(b))
    print_(a)
    print_(b)
    print_('\nAfter multiplying')
    print_(b.mul_(b))
    print_(b)
    a = torch.rand(2, 2)
    b = torch.rand(2, 2)
    c = torch.zeros(2, 2)
    print_(c)
    d = torch.matmul(a, b, out=c)
    print_(c)
    assert c is d
    torch.rand(2, 2, out=c)
    print_(c)
    a = torch.ones(2, 2)
    b = a
    a[0][1] = 561
    print_(b)
    a = torch.ones(2, 2)
    b = a.clone()
    assert b is not a
    print_(torch.eq(a, b))
    a[0][1] = 561
    print_(b)
    a = torch.rand(2, 2, requires_grad=True)
    print_(a)
    b = a.clone()
    print_(b)
    c = a.detach().clone()
    print_(c)
    print_(a)
    print_('Sorry, CPU only.')
    my_device = torch.device('cpu')
    print_('Device: {}'.format(my_device))
    x = torch.rand(2, 2, device=my_device)
    print_(x)
    y = torch.rand(2, 2)
    y = y.to(my_device)
    a = torch.rand(3, 226, 226)
    b = a.unsqueeze(0)
    print_(a.shape)
    print_(b.shape)
    c = torch.rand(1, 1, 1, 1, 1)
    print_(c)
    a = torch.rand(1, 20)
    print_(a.shape)
    print_(a)
    b = a.squeeze(0)
    print_(b.shape)
    print_(b)
    c = torch.rand(2, 2)
    print_(c.shape)
    d = c.squeeze(0)
    print_(d.shape)
    a = torch.ones(4, 3, 2)
    b = torch.rand(3)
    c = b.unsqueeze(1)
    print_(c.shape)
    print_(a * c)
    batch_me = torch.rand(3, 226, 226)
    print_(batch_me.shape)
    batch_me.unsqueeze_(0)
    print_(batch_me.shape)
    output3d = torch.rand(6, 20, 20)
    print_(output3d.shape)
    input1d = output3d.reshape(6 * 20 * 20)
    print_(input1d.shape)
    print_(torch.reshape(output3d, (6 * 20 * 20,)).shape)
    r["printed"] = printed
    OUT["introyt_tensors"] = r


def creation_out():
    """out= on the size-taking factories (the introyt tensors tutorial's `torch.rand(2, 2, out=c)`)."""
    from _tutorial_common import err
    r = {}
    torch.manual_seed(3)
    c = torch.zeros(2, 3)
    d = torch.rand(2, 3, out=c)
    r["rand"] = {"out": enc(c), "same": d is c}
    d = torch.randn(2, 3, out=c)
    r["randn"] = {"out": enc(c), "same": d is c}
    d = torch.ones(2, 3, out=c)
    r["ones"] = {"out": enc(c), "same": d is c}
    d = torch.zeros(2, 3, out=c)
    r["zeros"] = {"out": enc(c), "same": d is c}
    r["requires_grad_error"] = err(lambda: torch.rand(2, 3, out=torch.zeros(2, 3, requires_grad=True)))
    OUT["creation_out"] = r


if __name__ == "__main__":
    pytorch_tutorial()
    deep_learning()
    word_embeddings()
    sequence_models()
    advanced()
    grad_fn_names()
    introyt_autograd()
    autograd_functional()
    inplace_functions()
    introyt_models()
    introyt_tensors()
    creation_out()
    write_json(OUT, "tutorials4.json")
