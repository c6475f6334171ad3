"""Draws the Lifeboat lifebuoy icon at the sizes Tauri bundles. Run once; the PNGs are committed."""
import math, struct, zlib, pathlib

def lifebuoy(size):
    rows = []
    c = (size - 1) / 2
    outer, inner = size * 0.46, size * 0.24
    for y in range(size):
        row = bytearray([0])
        for x in range(size):
            dx, dy = x - c, y - c
            r = math.hypot(dx, dy)
            # Anti-aliased coverage of the ring.
            cov = max(0.0, min(1.0, outer - r + 0.5)) * max(0.0, min(1.0, r - inner + 0.5))
            angle = (math.degrees(math.atan2(dy, dx)) + 360) % 360
            red_band = int((angle + 22.5) // 45) % 2 == 0
            rgb = (220, 53, 47) if red_band else (248, 248, 244)
            edge = abs(r - outer) < size * 0.02 or abs(r - inner) < size * 0.02
            if edge:
                rgb = (30, 58, 95)
            row += bytes(rgb) + bytes([int(255 * cov)])
        rows.append(bytes(row))
    raw = b"".join(rows)
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))

here = pathlib.Path(__file__).parent
for name, size in [("32x32.png", 32), ("128x128.png", 128), ("128x128@2x.png", 256), ("icon.png", 512)]:
    (here / name).write_bytes(lifebuoy(size))
