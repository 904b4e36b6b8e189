"""What-if models run on the model of the world: landscape theory, bargaining, balance dynamics."""

from .landscape import Landscape, LandscapeMinimum, landscape

__all__ = ["Landscape", "LandscapeMinimum", "landscape"]
