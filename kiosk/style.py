"""The kiosk's look: sizes made for touch and for older eyes, and the style sheet that applies them.

The design is drawn for the pilot kiosks' 21.5" 1920×1080 touch screens: about 4 pixels per
millimetre, so a 15 mm touch target is 60 px. Body text is 28 px (≥ 24 px asked for), and the
elders' mode multiplies every text size and touch target by 1.4. Other screens (1366×768,
1280×1024, a 1080×1920 portrait totem) get the same design at their own pixel size: every size is
multiplied by the screen's factor against the design (`screen_factor`), which keeps the physical
sizes on a panel of the same size and keeps every screen's content inside it.
`resources/styles/kiosk.qss` holds the colours and shapes; the sizes are filled in here.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from string import Template

from desk.paths import resources_dir

SCREEN_SIZE = (1920, 1080)
# What a portrait screen's pixels are measured against: as wide as the landscape design is tall,
# with a margin, so the landscape rows of buttons still fit across.
PORTRAIT_DESIGN = (1200, 1920)
SCREEN_SIZES = ((1920, 1080), (1366, 768), (1280, 1024), (1080, 1920))  # the ones tested
PIXELS_PER_MM = 4.0  # 1920 px across the ≈ 476 mm of a 21.5" 16:9 panel
MIN_TOUCH_MM = 15.0
MIN_TOUCH_PX = round(MIN_TOUCH_MM * PIXELS_PER_MM)  # 60
BODY_PX = 28
MIN_BODY_PX = 24
ELDERS_SCALE = 1.4


def screen_factor(width: int, height: int) -> float:
    """This screen's pixels against the design's (1.0 at 1920×1080)."""
    design_width, design_height = PORTRAIT_DESIGN if height > width else SCREEN_SIZE
    return max(0.5, min(width / design_width, height / design_height, 1.5))


@dataclass(frozen=True)
class Metrics:
    """Pixel sizes for one mode (normal or elders') on one screen."""

    scale: float = 1.0  # the mode
    screen: float = 1.0  # the screen's factor (`screen_factor`)
    portrait: bool = False

    @property
    def elders(self) -> bool:
        return self.scale >= 1.2

    def px(self, base: float) -> int:
        # Rounded up: the elders' mode is at least 1.4 times every size, never a pixel less.
        return math.ceil(base * self.scale * self.screen - 1e-9)

    def sized(self, base: float) -> int:
        """A size that follows the screen but not the mode (margins, spacing, pictograms)."""
        return math.ceil(base * self.screen - 1e-9)

    def on_screen(self, width: int, height: int) -> Metrics:
        return Metrics(self.scale, screen_factor(width, height), height > width)

    @property
    def min_touch(self) -> int:
        """15 mm on this screen."""
        return self.sized(MIN_TOUCH_PX)

    @property
    def min_body(self) -> int:
        return self.sized(MIN_BODY_PX)

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
        return self.sized(max(MIN_TOUCH_PX, 76))

    @property
    def tile_height(self) -> int:
        return self.sized(110)

    @property
    def radius(self) -> int:
        return self.sized(12)

    @property
    def spacing(self) -> int:
        return self.sized(20)


NORMAL = Metrics(1.0)
ELDERS = Metrics(ELDERS_SCALE)


def metrics_for(elders: bool, screen: Metrics | None = None) -> Metrics:
    """The mode's metrics, on the screen `screen` was measured for."""
    base = screen or NORMAL
    return Metrics((ELDERS if elders else NORMAL).scale, base.screen, base.portrait)


def style_sheet(metrics: Metrics) -> str:
    text = (resources_dir() / "styles" / "kiosk.qss").read_text(encoding="utf-8")
    if metrics.screen != 1.0:
        # The sheet's own paddings and widths are drawn for the 1920×1080 design too (borders stay;
        # the $-sizes below are already this screen's).
        text = _SPACE.sub(lambda m: m.group(1) + _PX.sub(lambda n: f"{metrics.sized(int(n.group(1)))}px",
                                                          m.group(2)), text)
    return Template(text).substitute(
        bodypx=f"{metrics.body}px", largepx=f"{metrics.large}px", titlepx=f"{metrics.title}px",
        hugepx=f"{metrics.huge}px", touchpx=f"{metrics.touch}px", radiuspx=f"{metrics.radius}px",
    )


_SPACE = re.compile(r"(\b(?:padding|min-width|min-height|margin)\s*:)([^;]*)")
_PX = re.compile(r"(\d+)px")
