#!/usr/bin/env python3
"""Draw the app icons (plain Python, no imaging library): a white card with three text lines
on the brand blue. The card sits inside the central 60% so the maskable crop keeps it whole.
Usage: python3 tools/make-icons.py [out_dir]"""
import os
import struct
import sys
import zlib

BLUE = (0x0B, 0x3D, 0x91)
WHITE = (0xFF, 0xFF, 0xFF)
GOLD = (0xF2, 0xB7, 0x05)


def pixel(x, y, size):
    """Colour of one pixel, in coordinates scaled to a 100-unit square."""
    u, v = x * 100.0 / size, y * 100.0 / size
    left, right, top, bottom, r = 24, 76, 30, 70, 5
    inside = left <= u <= right and top <= v <= bottom
    for cx, cy in ((left + r, top + r), (right - r, top + r), (left + r, bottom - r), (right - r, bottom - r)):
        if (u < left + r or u > right - r) and (v < top + r or v > bottom - r):
            inside = inside and (u - cx) ** 2 + (v - cy) ** 2 <= r * r if abs(u - cx) <= r and abs(v - cy) <= r else inside
    if not inside:
        return BLUE
    if 31 <= u <= 69 and 36 <= v <= 42:
        return GOLD
    for line_top, line_right in ((48, 69), (55, 62), (62, 66)):
        if 31 <= u <= line_right and line_top <= v <= line_top + 3:
            return BLUE
    return WHITE


def png(size, path):
    rows = bytearray()
    for y in range(size):
        rows.append(0)
        for x in range(size):
            rows.extend(pixel(x, y, size))

    def chunk(kind, data):
        c = struct.pack(">I", len(data)) + kind + data
        return c + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    head = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    data = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", head) + chunk(b"IDAT", zlib.compress(bytes(rows), 9)) + chunk(b"IEND", b"")
    with open(path, "wb") as f:
        f.write(data)


out = sys.argv[1] if len(sys.argv) > 1 else "public/icons"
os.makedirs(out, exist_ok=True)
for name, size in (("icon-192.png", 192), ("icon-512.png", 512), ("apple-touch-icon.png", 180)):
    png(size, os.path.join(out, name))
