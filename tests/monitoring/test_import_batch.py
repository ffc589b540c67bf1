"""The ledger import's batch paths give what the one-row paths give: Fernet tokens sealed as a
batch open like any other, the hashes are the vault's and the suite's match hash."""

from __future__ import annotations

import hmac
from datetime import date

from cryptography.fernet import Fernet

from services.monitoring.households.id_numbers import check_char, fernet_encrypt_many, vault_for
from services.monitoring.households.service import IMPORT_HEADERS, checked_row, ledger_cells, protect
from shared.id_number_match import DEV_ID_NUMBER_MATCH_KEY, hmac_sha256_many, id_number_match_hash

VAULT = vault_for("a test key that is long enough")


def number(serial: int) -> str:
    first17 = f"419001{date(1960, 1, 1).replace(year=1960 + serial % 50):%Y%m%d}{serial % 1000:03d}"
    return first17 + check_char(first17)


def test_a_batch_of_tokens_is_standard_fernet_and_each_token_is_fresh() -> None:
    # Lengths of 0, 1, 2 and 3 blocks after padding in one batch, and the same text twice.
    plains = [b"", b"a" * 15, b"b" * 16, b"c" * 18, b"c" * 18, b"d" * 40]
    key = Fernet.generate_key()
    tokens = fernet_encrypt_many(key, plains)
    assert [Fernet(key).decrypt(token) for token in tokens] == plains
    assert tokens[3] != tokens[4]  # a random IV each, as Fernet.encrypt gives
    assert len({token[:32] for token in tokens}) == len(tokens)


def test_the_vault_seals_a_batch_that_it_opens() -> None:
    numbers = [number(i) for i in range(300)]
    assert [VAULT.open(cipher) for cipher in VAULT.seal_many(numbers)] == numbers


def test_protected_rows_carry_the_same_hashes_as_the_one_row_path() -> None:
    rows = []
    for serial in range(5):
        values = {
            "town_code": "419001100",
            "village_code": "419001100201",
            "head_name": "赵大山",
            "id_number": number(serial).lower(),
            "address": "",
            "kind": "脱贫户",
            "member_count": "4",
            "health": "健康",
            "labour": "普通劳动力",
            "schooling": "",
            "medical_insured": "",
        }
        rows.append(checked_row(serial + 2, ledger_cells({IMPORT_HEADERS[f]: v for f, v in values.items()})))
    records = protect(rows, VAULT, DEV_ID_NUMBER_MATCH_KEY)
    for serial, record in enumerate(records):
        assert record.id_hash == VAULT.digest(number(serial))
        assert record.id_match == id_number_match_hash(number(serial).lower(), DEV_ID_NUMBER_MATCH_KEY)
        assert VAULT.open(record.id_cipher) == number(serial)
        assert (record.row_no, record.kind, record.schooling) == (serial + 2, "lifted_out", "not_applicable")


def test_batch_hmacs_are_the_standard_ones_for_any_key_length() -> None:
    messages = [b"", b"4", number(1).encode(), b"x" * 200]
    for key in (b"", b"k", b"k" * 64, b"k" * 65, b"a longer key than one block of SHA-256 " * 3):
        assert hmac_sha256_many(key, messages) == [hmac.digest(key, m, "sha256") for m in messages]
