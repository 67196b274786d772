"""A small element tree built with the standard library's HTML parser.

The parsers find things by class names and attributes, never by position, so
all they need is a forgiving tree: unclosed tags are closed by their parent's
end tag, stray end tags are ignored, and entities are decoded. Building it is
linear in the size of the page.
"""

import re
from collections.abc import Callable, Iterator
from html.parser import HTMLParser

# Elements that never have content; the parser sees no end tag for them.
VOID_ELEMENTS = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()
)

# Elements that start a new line of text, for reading addresses and rows
# line by line whatever wrappers the site puts around them.
BLOCK_ELEMENTS = frozenset(
    """address article aside blockquote br dd details div dl dt fieldset
    figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol
    p pre section summary table tbody td tfoot th thead tr ul""".split()
)

# Their text is not page text.
_SILENT_ELEMENTS = frozenset({"script", "style", "template", "noscript"})

_SPACES = re.compile(r"\s+")


def squash(text: str) -> str:
    """Collapse runs of whitespace to one space and trim the ends."""
    return _SPACES.sub(" ", text).strip()


class Element:
    """An element of the page: its tag, attributes and children.

    Children are elements and strings (text, entities already decoded).
    """

    __slots__ = ("tag", "attrs", "children", "parent")

    def __init__(self, tag: str, attrs: dict[str, str], parent=None):
        self.tag = tag
        self.attrs = attrs
        self.children: list[Element | str] = []
        self.parent: Element | None = parent

    def __repr__(self) -> str:
        return f"<{self.tag} {self.attrs!r}>"

    def has_class(self, name: str) -> bool:
        return name in self.attrs.get("class", "").split()

    def elements(self) -> list["Element"]:
        """The element children, without text."""
        return [child for child in self.children if isinstance(child, Element)]

    def descendants(self) -> Iterator["Element"]:
        """Every element below this one, in document order."""
        stack = list(reversed(self.elements()))
        while stack:
            element = stack.pop()
            yield element
            stack.extend(reversed(element.elements()))

    def find_all(
        self, match: Callable[["Element"], bool], *, nested: bool = True
    ) -> list["Element"]:
        """Descendants that match, in document order.

        With ``nested=False`` the search does not look inside a match, so the
        result holds only the outermost matches.
        """
        found = []
        stack = list(reversed(self.elements()))
        while stack:
            element = stack.pop()
            if match(element):
                found.append(element)
                if not nested:
                    continue
            stack.extend(reversed(element.elements()))
        return found

    def find(self, match: Callable[["Element"], bool]) -> "Element | None":
        """The first descendant that matches, in document order, or None."""
        return next((e for e in self.descendants() if match(e)), None)

    def find_class(self, name: str) -> "Element | None":
        return self.find(lambda element: element.has_class(name))

    def find_all_class(self, name: str) -> list["Element"]:
        """The outermost descendants that carry the class, in document order."""
        return self.find_all(lambda element: element.has_class(name), nested=False)

    def text(self) -> str:
        """All text below this element, whitespace collapsed and trimmed."""
        return squash("".join(self._raw_text()))

    def raw_text(self) -> str:
        """All text below this element as written, ``<br>`` read as a newline."""
        return "".join(self._raw_text())

    def _raw_text(self) -> Iterator[str]:
        stack: list[Element | str] = [self]
        while stack:
            node = stack.pop()
            if isinstance(node, str):
                yield node
            elif node.tag == "br":
                yield "\n"
            elif node.tag not in _SILENT_ELEMENTS:
                stack.extend(reversed(node.children))

    def lines(self, skip: Callable[["Element"], bool] | None = None) -> list[str]:
        """The text below this element split where block elements begin and end.

        Whitespace inside a line is collapsed; empty lines are dropped.
        Elements for which ``skip`` answers true are left out with their text.
        """
        lines: list[str] = []
        current: list[str] = []

        def end_line() -> None:
            line = squash("".join(current))
            if line:
                lines.append(line)
            current.clear()

        # A stack of nodes and end markers keeps the walk iterative.
        stack: list[Element | str | None] = list(reversed(self.children))
        while stack:
            node = stack.pop()
            if node is None:
                end_line()
            elif isinstance(node, str):
                current.append(node)
            elif node.tag in _SILENT_ELEMENTS or (skip and skip(node)):
                continue
            elif node.tag in BLOCK_ELEMENTS:
                end_line()
                stack.append(None)
                stack.extend(reversed(node.children))
            else:
                stack.extend(reversed(node.children))
        end_line()
        return lines


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self._open = [self.root]

    def handle_starttag(self, tag, attrs):
        parent = self._open[-1]
        element = Element(tag, {name: value or "" for name, value in attrs}, parent)
        parent.children.append(element)
        if tag not in VOID_ELEMENTS:
            self._open.append(element)

    def handle_startendtag(self, tag, attrs):
        parent = self._open[-1]
        element = Element(tag, {name: value or "" for name, value in attrs}, parent)
        parent.children.append(element)

    def handle_endtag(self, tag):
        # Close up to the nearest open element of this tag, which also closes
        # any element left unclosed inside it; an end tag with nothing open to
        # match is ignored, as browsers do.
        for depth in range(len(self._open) - 1, 0, -1):
            if self._open[depth].tag == tag:
                del self._open[depth:]
                return

    def handle_data(self, data):
        self._open[-1].children.append(data)


def parse_html(html: str) -> Element:
    """The element tree of a page; the root is a ``#document`` element."""
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root
