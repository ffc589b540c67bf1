"""The list's text search (``q``) finds the head name or address containing it at any length —
one character included, which the character index serves — and nothing that merely holds its
characters apart."""

from __future__ import annotations

import httpx

from tests.monitoring.factories import create_household, listed


async def test_search_by_one_two_or_more_characters_of_name_or_address(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    admin = tokens["admin"]
    zhao = (await create_household(api, admin, head_name="赵铁柱", address="北大河村三组"))["id"]
    qian = (await create_household(api, admin, head_name="钱柱子", address="南岭村一组"))["id"]
    assert await listed(api, admin, q="赵") == {zhao}
    assert await listed(api, admin, q="柱") == {zhao, qian}
    assert await listed(api, admin, q="铁柱") == {zhao}
    assert await listed(api, admin, q="南岭村") == {qian}
    assert await listed(api, admin, q="一组") == {qian}
    # Every character of "柱铁" is in 赵铁柱, but not as a substring.
    assert await listed(api, admin, q="柱铁") == set()
    # LIKE's wildcards are text like any other.
    assert await listed(api, admin, q="%") == set()
