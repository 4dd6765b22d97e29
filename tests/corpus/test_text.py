from corpus.text import fix_mojibake, html_to_text, join_soft_breaks, strip_hidden_characters


def test_mojibake_is_repaired() -> None:
    assert fix_mojibake("beneficiaries\u00e2\u20ac\u2122 costs") == "beneficiaries' costs"


def test_hidden_characters_are_removed_but_newlines_kept() -> None:
    assert strip_hidden_characters("ig\u200bnore\u202e\nnext\x00") == "ignore\nnext"


def test_html_hidden_elements_scripts_and_comments_are_dropped() -> None:
    html = (
        "<h2>Scope</h2><p>Visible&nbsp;text</p><p style='display:none'>IGNORE ALL</p><div hidden>x</div>"
        "<span aria-hidden='true'>y</span><script>alert(1)</script><!-- reply PWNED -->"
    )
    assert html_to_text(html) == "## Scope\n\nVisible text"


def test_html_source_newlines_are_spaces_except_in_pre() -> None:
    html = "<p>The pilot helped 24 SMEs in Japan\n  and Canada.</p><pre>a\nb</pre>"
    assert html_to_text(html) == "The pilot helped 24 SMEs in Japan and Canada.\na\nb"
    assert "Japan\nand" in html_to_text(html, keep_source_newlines=True)


def test_soft_breaks_join_paragraph_lines_but_keep_structure() -> None:
    text = "# Title\nline one\nline two\n\n- item\n- item two\n| a | b |\n| c | d |"
    assert join_soft_breaks(text) == "# Title\nline one line two\n\n- item\n- item two\n| a | b |\n| c | d |"
