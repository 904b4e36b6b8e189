"""Classes of verbs the frames and the coding read: verbs of sending, detaining, freeing, withdrawing and
arriving (whose prepositions name a party in their own way), support verbs whose object is their
subject's act, verbs that receive or draw another's act, and verbs whose passive is a state.

Contract: plain frozensets of lemmas, no code; read by :mod:`geopol.text.frames` and
:mod:`geopol.text.events`.
"""

from __future__ import annotations

__all__ = ["ENDING", "MOVING", "DETAINING", "FREEING", "WITHDRAWING", "ARRIVING", "RESCUING", "LIGHT", "VOICING", "SUPPORT",
           "RECEIVING", "DRAWING", "STATIVE"]

# Verbs of sending: a state's own forces "sent to Russia" were sent by it.
MOVING = frozenset({"send", "deploy", "dispatch", "station", "move", "transfer", "fly", "ship", "post"})
DETAINING = frozenset({"detain", "hold", "imprison", "jail", "arrest", "keep", "capture", "abduct", "kidnap",
                        "sentence", "convict", "incarcerate", "intern"})
FREEING = frozenset({"release", "free", "pardon", "return", "repatriate", "exchange", "swap", "hand", "extradite",
                      "deport", "expel", "evacuate", "rescue"})
# Verbs of firing a projectile: with no agent, the place it was fired from names who fired ("a rocket was
# fired at Israel from Lebanon", "missiles launched from Yemen").
FIRING = frozenset({"fire", "launch", "shoot", "lob", "loose"})
# Verbs of withdrawing, whose "from" names the state left.
WITHDRAWING = frozenset({"withdraw", "retreat", "pull", "evacuate", "redeploy"})
# Verbs of arrival, whose "in" or "at" names the goal of a journey.
ARRIVING = frozenset({"arrive", "land"})
RESCUING = frozenset({"evacuate", "rescue", "repatriate", "return"})  # from danger, not by the state left
# Verbs that lend their clause to the event noun they govern ("ordered a freeze" is the freeze).
LIGHT = frozenset({"order", "announce", "impose", "launch", "begin", "start", "conduct", "carry", "stage", "make",
                   "declare", "issue", "mount", "unleash", "give", "approve", "decree", "introduce", "slap"})
# Verbs that voice what their object noun names: "repeated the demand" is a demand, "expressed support" support.
VOICING = frozenset({"repeat", "reiterate", "renew", "voice", "express", "lodge", "file", "register", "deliver",
                     "convey", "restate", "reaffirm", "extend", "air"})
# Verbs whose object noun is the act their subject performs ("held talks", "launched an attack",
# "imposed sanctions"), unlike verbs that judge, end or discuss another's act ("condemned the attack").
SUPPORT = LIGHT | VOICING | frozenset({
    "hold", "have", "wage", "commit", "perpetrate", "undertake", "initiate", "resume", "continue", "intensify",
    "escalate", "step", "expand", "tighten", "maintain", "sign", "conclude", "reach", "strike", "open", "pursue",
    "send", "offer", "provide", "lead", "host", "convene", "organize", "organise", "enter", "complete", "speed",
    "accelerate", "hasten", "expedite", "finish"})
# Verbs that end or ease their object's act ("lifted its arms embargo", "ended the blockade"): the act named
# is not done anew, and the verb borrows the dictionary's patterns for "end" (085 for an embargo, 087 for a
# blockade) when it has none of its own.
ENDING = frozenset({"end", "lift", "ease", "remove", "scrap", "drop", "halt", "stop", "cease", "suspend", "relax",
                    "loosen", "rescind", "revoke", "cancel", "abandon", "terminate", "repeal", "waive", "raise",
                    "lower", "reduce", "slash"})
RECEIVING = frozenset({"receive", "get", "obtain", "accept", "win", "secure", "gain"})
# Verbs whose subject, or the act it names, calls forth another's reaction: "drew criticism from X".
# ("face", "meet with", "earn" are PETRARCH2's own reversed patterns.)
DRAWING = frozenset({"draw", "attract", "incur", "provoke", "spark", "trigger", "prompt", "elicit"})

# Verbs whose passive states what the subject does: "forces were engaged in", "is committed to".
STATIVE = frozenset({"engage", "involve", "commit", "determine", "prepare", "dedicate", "devote", "oblige",
                      "entitle", "poise", "set", "concern", "disturb", "alarm", "worry", "please", "delight"})
