"""What the state-space goldens scripts (make_rwkv_golden.py, make_mamba_golden.py,
make_jamba_golden.py) write the same way: values rounded for the JSON fixtures, and safetensors
files written by hand (an 8-byte little-endian header length, the JSON header padded to 8 bytes,
the raw float32 data). Standard library and torch tensors only."""
import json
import struct


def flat(t):
    """A tensor's values, row-major, rounded to 8 significant digits (float32 holds about 7)."""
    return [float("%.8g" % v) for v in t.detach().reshape(-1).tolist()]


def write_safetensors(path, tensors, metadata=None):
    header, blobs, offset = {}, [], 0
    for name, t in tensors.items():
        values = t.detach().float().contiguous().view(-1).tolist()
        data = struct.pack("<%df" % len(values), *values)
        header[name] = {"dtype": "F32", "shape": list(t.shape), "data_offsets": [offset, offset + len(data)]}
        blobs.append(data)
        offset += len(data)
    if metadata:
        header["__metadata__"] = metadata
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * ((8 - len(text) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for b in blobs:
            f.write(b)
