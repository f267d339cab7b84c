"""Times PyTorch training steps of the 784-500-300-10 MLP (ReLU, softmax
cross-entropy), float32, batch 128, for bench. Prints one JSON line:
samples per second for an SGD step and an Adam step, best of `trials`, and
the cores the process ran on meanwhile (CPU time over elapsed time).

usage: torchstep.py THREADS STEPS TRIALS CLOCK   (CLOCK: wall or cpu)
"""
import json
import sys
import time

import torch

threads, steps, trials, clock = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
torch.set_num_threads(threads)
torch.manual_seed(1)

batch = 128
x = torch.rand(batch, 784)
y = torch.randint(0, 10, (batch,))


def rate(make_optimizer):
    model = torch.nn.Sequential(
        torch.nn.Linear(784, 500), torch.nn.ReLU(),
        torch.nn.Linear(500, 300), torch.nn.ReLU(),
        torch.nn.Linear(300, 10))
    loss_fn = torch.nn.CrossEntropyLoss()
    opt = make_optimizer(model.parameters())

    def step():
        opt.zero_grad()
        loss_fn(model(x), y).backward()
        opt.step()

    for _ in range(10):
        step()
    best = (0.0, 0.0)
    for _ in range(trials):
        cpu0, wall0 = time.process_time(), time.perf_counter()
        for _ in range(steps):
            step()
        cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
        r = batch * steps / (cpu if clock == "cpu" else wall)
        if r > best[0]:
            best = (r, cpu / wall)
    return best


sgd, sgd_cores = rate(lambda p: torch.optim.SGD(p, lr=0.01))
adam, adam_cores = rate(lambda p: torch.optim.Adam(p, lr=0.001))
print(json.dumps({"sgd": sgd, "sgdCores": sgd_cores, "adam": adam, "adamCores": adam_cores}))
