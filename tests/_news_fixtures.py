"""Small news texts written for these tests (fictional; no third-party text)."""

from __future__ import annotations

PARAGRAPHS = [
    "The city council voted on Tuesday to approve a new footbridge over the Elm River, ending a debate that "
    "had divided the town for almost three years.",
    "Mayor Ana Ruiz said the bridge would connect the old market district with the new rail station and "
    "would be paid for mostly with a regional transport grant.",
    "“This is the most important link we have built in a generation,” Ruiz told reporters after the vote. "
    "“People have waited long enough.”",
    "Opponents had argued that the project was too expensive and that the money should go to repairing "
    "the roads on the east side of town, where many residents say potholes are a daily hazard.",
    "Construction is expected to begin in the spring and to take about eighteen months, according to the "
    "city engineer, who said the design had been changed twice to lower its cost.",
]


def article_html(title: str = "Council approves footbridge over the Elm River", extra: str = "") -> str:
    """A whole news page: navigation, the article with its paragraphs, a footer."""
    body = "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | Riverside Daily</title>
<meta property="og:title" content="{title}">
<meta property="article:published_time" content="2025-05-19T14:03:00+00:00">
<meta name="author" content="Jane Doe">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li></ul></nav>
<article><h1>{title}</h1>
<p class="byline">By Jane Doe</p>
{body}
{extra}
</article>
<footer><p>Copyright 2025 Riverside Daily. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body></html>"""


def wire_text() -> str:
    """A plain-text wire story with a headline, a dateline, a subhead and a credit line."""
    return "\n".join(
        [
            "Council approves footbridge over the Elm River",
            "RIVERSIDE, Ore. (AP) — " + PARAGRAPHS[0],
            PARAGRAPHS[1],
            "Opponents warn of rising costs",
            PARAGRAPHS[3],
            PARAGRAPHS[4],
            "The Associated Press contributed to this report.",
        ]
    )
