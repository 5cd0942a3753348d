"""The kiosk's look: sizes made for touch and for older eyes, and the style sheet that applies them.

The pilot kiosks have 21.5" 1920×1080 touch screens: about 4 pixels per millimetre, so a 15 mm touch
target is 60 px. Body text is 28 px (≥ 24 px asked for), and the elders' mode multiplies every text
size and touch target by 1.4. `resources/styles/kiosk.qss` holds the colours and shapes; the sizes
are filled in here so the two modes share one sheet.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from string import Template

from desk.paths import resources_dir

SCREEN_SIZE = (1920, 1080)
PIXELS_PER_MM = 4.0  # 1920 px across the ≈ 476 mm of a 21.5" 16:9 panel
MIN_TOUCH_MM = 15.0
MIN_TOUCH_PX = round(MIN_TOUCH_MM * PIXELS_PER_MM)  # 60
BODY_PX = 28
MIN_BODY_PX = 24
ELDERS_SCALE = 1.4


@dataclass(frozen=True)
class Metrics:
    """Pixel sizes for one mode (normal or elders')."""

    scale: float = 1.0

    def px(self, base: float) -> int:
        # Rounded up: the elders' mode is at least 1.4 times every size, never a pixel less.
        return math.ceil(base * self.scale - 1e-9)

    @property
    def body(self) -> int:
        return self.px(BODY_PX)

    @property
    def large(self) -> int:
        return self.px(34)

    @property
    def title(self) -> int:
        return self.px(46)

    @property
    def huge(self) -> int:
        return self.px(96)

    @property
    def touch(self) -> int:
        """Smallest side of anything touchable (19 mm); a button with larger text grows beyond it."""
        return max(MIN_TOUCH_PX, 76)

    @property
    def tile_height(self) -> int:
        return 110

    @property
    def radius(self) -> int:
        return 12

    @property
    def spacing(self) -> int:
        return 20


NORMAL = Metrics(1.0)
ELDERS = Metrics(ELDERS_SCALE)


def metrics_for(elders: bool) -> Metrics:
    return ELDERS if elders else NORMAL


def style_sheet(metrics: Metrics) -> str:
    template = Template((resources_dir() / "styles" / "kiosk.qss").read_text(encoding="utf-8"))
    return template.substitute(
        bodypx=f"{metrics.body}px", largepx=f"{metrics.large}px", titlepx=f"{metrics.title}px",
        hugepx=f"{metrics.huge}px", touchpx=f"{metrics.touch}px", radiuspx=f"{metrics.radius}px",
    )
