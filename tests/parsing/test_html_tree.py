"""The forgiving element tree the parsers search."""

from scraping.parsing.tree import parse_html


def test_unclosed_elements_are_closed_by_their_parent():
    document = parse_html(
        '<div class="outer"><p>one<span>two</div><div class="next">three</div>'
    )

    outer = document.find_class("outer")
    assert outer.text() == "onetwo"
    assert document.find_class("next").parent is document


def test_stray_end_tags_are_ignored():
    document = parse_html('</span><div class="a">x</b></p>y</div>')

    assert document.find_class("a").text() == "xy"


def test_lines_follow_block_elements_and_breaks_not_source_whitespace():
    document = parse_html(
        '<div class="address"><div><div>1 Main\n   St</div></div>'
        "<span>Media,</span> <b>PA</b> 19063<br>Delaware County</div>"
    )

    assert document.find_class("address").lines() == [
        "1 Main St",
        "Media, PA 19063",
        "Delaware County",
    ]


def test_script_and_style_text_is_not_page_text():
    document = parse_html(
        '<div class="x">shown<script>var s = "<div>hidden</div>";</script>'
        "<style>.x{}</style></div>"
    )

    assert document.find_class("x").text() == "shown"
    assert document.find_class("x").lines() == ["shown"]


def test_entities_are_decoded_once():
    document = parse_html('<p class="t">&amp;lt; &lt; &quot;&#39; &hellip;</p>')

    assert document.find_class("t").text() == "&lt; < \"' …"
