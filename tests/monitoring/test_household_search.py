"""The list's text search (``q``) finds the head name or address containing it at any length —
one character included, which the character index serves — and nothing that merely holds its
characters apart."""

from __future__ import annotations

import httpx

from tests.monitoring.factories import HOUSEHOLDS, auth, create_household, listed


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


async def test_a_search_by_one_or_two_characters_follows_renames_and_pages_by_its_cursor(
    api: httpx.AsyncClient, tokens: dict[str, str]
) -> None:
    """One or two characters are read from the search terms' side table (kept by the database's
    triggers): a rename is found by its new name at once and no longer by the old, and the
    cursor pages through the term's households in list order."""
    admin = tokens["admin"]
    sun = [
        (await create_household(api, admin, head_name=f"孙{n}明", address="南岭村一组"))["id"]
        for n in "一二三"
    ]
    url = f"{HOUSEHOLDS}/{sun[0]}"
    etag = (await api.get(url, headers=auth(admin))).headers["etag"]
    resp = await api.patch(url, json={"head_name": "周一明"}, headers=auth(admin, **{"If-Match": etag}))
    assert resp.status_code == 200, resp.text
    assert await listed(api, admin, q="孙") == set(sun[1:])
    assert await listed(api, admin, q="周一") == {sun[0]}
    # The renamed household changed last: it comes last in list order.
    seen, cursor = [], None
    while True:
        params = {"q": "明", "limit": "1", **({"cursor": cursor} if cursor else {})}
        page = (await api.get(HOUSEHOLDS, params=params, headers=auth(admin))).json()
        seen += [h["id"] for h in page["items"]]
        if not (cursor := page["next_cursor"]):
            break
    assert seen == [*sun[1:], sun[0]]
    bad = await api.get(HOUSEHOLDS, params={"q": "明", "cursor": "bm90IGpzb24"}, headers=auth(admin))
    assert bad.status_code == 422
