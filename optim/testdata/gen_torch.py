#!/usr/bin/python3
"""Records optimizer trajectories from PyTorch for optim's tests.

Run with Debian's interpreter (it has torch):

    /usr/bin/python3 optim/testdata/gen_torch.py > optim/testdata/torch_trajectories.json

Each run minimises a 2-D surface of package datasets (Rosenbrock, Beale;
the gradients below are the same expressions as datasets/rosenbrock.go and
datasets/beale.go) with one torch.optim optimizer in float64, and records
the parameters after every step. "hyper" names the Go fields of the
optimizer (optim.All's or optim.AfterLecture's, in Form PyTorch) and
"flags" its bool fields (AMSGrad); "label" names the run. The Go test
torch_test.go sets them and compares, relative tolerance 1e-9.

"schedules" records the learning rate torch's LinearLR,
CosineAnnealingLR and SequentialLR (warm-up then cosine) give at each
step, read before the step as nn.Trainer applies it; "args" are the Go
fields of optim.LinearWarmup, optim.Cosine and optim.WarmupCosine.

torch 1.13's NAdam computes mu_product_next = mu_product * mu * mu_next
after mu_product *= mu, counting mu twice; PyTorch fixed it for torch 2.0
(pull request 92699) to mu_product * mu_next, Dozat's formula. The NAdam
runs below use torch's own _single_tensor_nadam with that one line fixed,
which is torch >= 2.0's algorithm (the recorded file came from torch 1.13;
on torch >= 2.0 fix_nadam finds no bug and exits: drop the call there).
"""
import inspect
import json
import sys
import textwrap

import torch
import torch.optim.nadam as nadam_module

STEPS = 200


def rosenbrock_grad(x, y):
    v = y - x * x
    return -2 * (1 - x) - 400 * x * v, 200 * v


def beale_grad(x, y):
    a, b, c = 1.5 - x + x * y, 2.25 - x + x * y * y, 2.625 - x + x * y * y * y
    gx = 2 * a * (y - 1) + 2 * b * (y * y - 1) + 2 * c * (y * y * y - 1)
    gy = 2 * a * x + 4 * b * x * y + 6 * c * x * y * y
    return gx, gy


SURFACES = {
    "Rosenbrock": (rosenbrock_grad, [-1.5, 2.0]),
    "Beale": (beale_grad, [1.0, 1.0]),
}


def fix_nadam():
    """Patches torch 1.13's single-tensor NAdam with the upstream fix."""
    src = textwrap.dedent(inspect.getsource(nadam_module._single_tensor_nadam))
    buggy = "mu_product_next = mu_product * mu * mu_next"
    if buggy not in src:
        sys.exit("gen_torch.py: torch's NAdam no longer has the known bug; review fix_nadam")
    src = src.replace(buggy, "mu_product_next = mu_product * mu_next")
    namespace = dict(vars(nadam_module))
    exec(src, namespace)
    nadam_module._single_tensor_nadam = namespace["_single_tensor_nadam"]


# name: (torch constructor, hyperparameters as Go fields, lr per surface);
# lr is the Go field LR, Rprop's Initial
def runs():
    sgd_lr = {"Rosenbrock": 2e-4, "Beale": 1e-3}
    return [
        ("SGD", lambda p, lr: torch.optim.SGD(p, lr=lr), {}, sgd_lr),
        ("Momentum", lambda p, lr: torch.optim.SGD(p, lr=lr, momentum=0.9), {"Mu": 0.9}, sgd_lr),
        ("Nesterov", lambda p, lr: torch.optim.SGD(p, lr=lr, momentum=0.9, nesterov=True), {"Mu": 0.9}, sgd_lr),
        ("Rprop", lambda p, lr: torch.optim.Rprop(p, lr=lr, etas=(0.5, 1.2), step_sizes=(1e-6, 50)),
         {"EtaMinus": 0.5, "EtaPlus": 1.2, "MinStep": 1e-6, "MaxStep": 50}, {"Rosenbrock": 0.01, "Beale": 0.01}),
        ("Adagrad", lambda p, lr: torch.optim.Adagrad(p, lr=lr, eps=1e-10), {"Eps": 1e-10},
         {"Rosenbrock": 0.1, "Beale": 0.1}),
        ("RMSprop", lambda p, lr: torch.optim.RMSprop(p, lr=lr, alpha=0.9, eps=1e-8), {"Gamma": 0.9, "Eps": 1e-8},
         {"Rosenbrock": 0.01, "Beale": 0.003}),
        ("Adam", lambda p, lr: torch.optim.Adam(p, lr=lr, betas=(0.9, 0.999), eps=1e-8),
         {"Beta1": 0.9, "Beta2": 0.999, "Eps": 1e-8}, {"Rosenbrock": 0.01, "Beale": 0.01}),
        ("Nadam", lambda p, lr: torch.optim.NAdam(p, lr=lr, betas=(0.9, 0.999), eps=1e-8, momentum_decay=0.004),
         {"Beta1": 0.9, "Beta2": 0.999, "Eps": 1e-8, "MomentumDecay": 0.004}, {"Rosenbrock": 0.01, "Beale": 0.01}),
        ("Adadelta", lambda p, lr: torch.optim.Adadelta(p, lr=lr, rho=0.95, eps=1e-6), {"Rho": 0.95, "Eps": 1e-6},
         {"Rosenbrock": 1.0, "Beale": 0.5}),
    ]


# after the lecture: (label, Go optimizer, torch constructor, float fields, bool fields, lr per surface)
def after_runs():
    sgd_lr = {"Rosenbrock": 2e-4, "Beale": 1e-3}
    adam_lr = {"Rosenbrock": 0.01, "Beale": 0.01}
    adam = {"Beta1": 0.9, "Beta2": 0.999, "Eps": 1e-8}
    return [
        ("SGD+weight_decay", "SGD", lambda p, lr: torch.optim.SGD(p, lr=lr, weight_decay=0.1),
         {"WeightDecay": 0.1}, {}, sgd_lr),
        ("Adam+weight_decay", "Adam",
         lambda p, lr: torch.optim.Adam(p, lr=lr, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.1),
         dict(adam, WeightDecay=0.1), {}, adam_lr),
        ("Adam+amsgrad", "Adam", lambda p, lr: torch.optim.Adam(p, lr=lr, betas=(0.9, 0.999), eps=1e-8, amsgrad=True),
         adam, {"AMSGrad": True}, adam_lr),
        ("AdamW", "AdamW",
         lambda p, lr: torch.optim.AdamW(p, lr=lr, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.1),
         dict(adam, WeightDecay=0.1), {}, adam_lr),
        ("AdamW+amsgrad", "AdamW",
         lambda p, lr: torch.optim.AdamW(p, lr=lr, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.1, amsgrad=True),
         dict(adam, WeightDecay=0.1), {"AMSGrad": True}, adam_lr),
    ]


SCHEDULE_STEPS = 150


# (Go schedule, its fields, torch scheduler over an SGD with lr = the peak)
def schedules():
    peak, warmup, cosine, floor = 0.1, 20, 100, 0.001
    lin = lambda o: torch.optim.lr_scheduler.LinearLR(o, start_factor=0.25, end_factor=1.0, total_iters=warmup)
    cos = lambda o: torch.optim.lr_scheduler.CosineAnnealingLR(o, T_max=cosine, eta_min=floor)
    return [
        ("LinearWarmup", {"Peak": peak, "StartFactor": 0.25, "Steps": warmup}, lin),
        ("Cosine", {"Initial": peak, "Min": floor, "Steps": cosine}, cos),
        ("WarmupCosine", {"Peak": peak, "StartFactor": 0.25, "Warmup": warmup, "Min": floor, "CosineSteps": cosine},
         lambda o: torch.optim.lr_scheduler.SequentialLR(o, [lin(o), cos(o)], milestones=[warmup])),
    ]


def record_rates(make, peak):
    p = torch.zeros(1, requires_grad=True)
    opt = torch.optim.SGD([p], lr=peak)
    sched = make(opt)
    out = []
    for _ in range(SCHEDULE_STEPS):
        out.append(opt.param_groups[0]["lr"])
        opt.step()
        sched.step()
    return out


def record(make, grad, start, lr):
    p = torch.tensor(start, dtype=torch.float64)
    opt = make([p], lr)
    out = []
    for _ in range(STEPS):
        gx, gy = grad(p[0].item(), p[1].item())
        p.grad = torch.tensor([gx, gy], dtype=torch.float64)
        opt.step()
        out.append([p[0].item(), p[1].item()])
    return out


def main():
    torch.set_default_dtype(torch.float64)
    fix_nadam()
    data = {"torch_version": torch.__version__, "steps": STEPS, "runs": []}
    for name, make, hyper, lrs in runs():
        for surface, (grad, start) in SURFACES.items():
            h = dict(hyper, **{"Initial" if name == "Rprop" else "LR": lrs[surface]})
            data["runs"].append({"optimizer": name, "surface": surface, "start": start, "hyper": h,
                                 "trajectory": record(make, grad, start, lrs[surface])})
    for label, name, make, hyper, flags, lrs in after_runs():
        for surface, (grad, start) in SURFACES.items():
            h = dict(hyper, LR=lrs[surface])
            data["runs"].append({"optimizer": name, "label": label, "surface": surface, "start": start, "hyper": h,
                                 "flags": flags, "trajectory": record(make, grad, start, lrs[surface])})
    data["schedules"] = []
    for name, args, make in schedules():
        peak = args.get("Peak", args.get("Initial"))
        data["schedules"].append({"schedule": name, "args": args, "rates": record_rates(make, peak)})
    json.dump(data, sys.stdout, indent=None)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
