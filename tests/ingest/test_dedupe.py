import numpy as np

from claimgraph.ingest.dedupe import NUM_PERM, SCHEME, NearDuplicateIndex, document_id, signature

STORY = (
    "The port authority said on Tuesday that the northern terminal would close for repairs until March, "
    "affecting about 300 workers. Union leaders said they had not been consulted and called the decision "
    "reckless. The authority said the workers would be moved to the southern terminal during the works."
)


def test_id_ignores_whitespace_case_and_quote_style():
    assert document_id(STORY) == document_id("  " + STORY.replace("  ", " ").upper() + "\n")
    assert document_id(STORY) != document_id(STORY + " A new sentence.")


def test_syndicated_copy_is_a_near_duplicate_and_another_story_is_not():
    index = NearDuplicateIndex(0.7)
    index.add("d:orig", signature(STORY))
    copy = "Port terminal to close\n\n" + STORY + "\n\nThis story was provided by Coast Wire."
    assert index.find(signature(copy)) == "d:orig"
    other = "The city council approved a new budget for schools and parks on Monday after a long debate about taxes."
    assert index.find(signature(other)) is None


def near_copies(n: int, changed: int, seed: int = 5) -> list[np.ndarray]:
    """`n` signatures that each differ from one base signature in `changed` of its values."""
    rng = np.random.default_rng(seed)
    base = rng.integers(0, 2**32, NUM_PERM, dtype=np.uint64)
    out = []
    for _ in range(n):
        sig = base.copy()
        sig[rng.choice(NUM_PERM, changed, replace=False)] = rng.integers(0, 2**32, changed, dtype=np.uint64)
        out.append(sig)
    return out


def search_costs(index: NearDuplicateIndex, sigs: list[np.ndarray]) -> tuple[list[str | None], list[int]]:
    """What `find` answers for each signature before it is added, and how many it compared."""
    found, costs = [], []
    for i, sig in enumerate(sigs):
        before = index.comparisons
        found.append(index.find(sig))
        costs.append(index.comparisons - before)
        index.add(f"d:{i}", sig)
    return found, costs


def test_twenty_thousand_near_copies_each_point_at_the_first_at_a_bounded_cost():
    index = NearDuplicateIndex(0.7)
    found, costs = search_costs(index, near_copies(20_000, changed=6))
    assert found[0] is None and set(found[1:]) == {"d:0"}  # every copy points at the first report
    assert max(costs) <= len(index.bands) * index.SCAN  # not one comparison per earlier record


def test_twenty_thousand_similar_but_distinct_records_are_searched_at_a_bounded_cost():
    index = NearDuplicateIndex(0.7)
    found, costs = search_costs(index, near_copies(20_000, changed=40))  # estimated Jaccard about 0.5
    assert set(found) == {None}
    assert max(costs) <= len(index.bands) * index.SCAN
    assert sum(costs[-1000:]) <= 1.2 * sum(costs[-2000:-1000])  # the cost no longer grows with the store


def test_the_earliest_near_copy_is_found_as_an_exhaustive_lsh_search_finds_it():
    from datasketch import MinHash, MinHashLSH

    texts = [f"{STORY} Report {i % 7} adds that talks resume in {['May', 'June', 'July'][i % 3]}." for i in range(60)]
    texts += [f"The {w} council met on Monday to discuss the budget for {w} schools and roads." for w in ("city", "county", "state")]
    sigs = [signature(t) for t in texts]
    index = NearDuplicateIndex(0.7)
    lsh = MinHashLSH(threshold=0.5, num_perm=NUM_PERM)  # the search this index replaces: every candidate checked
    order: dict[str, int] = {}
    for i, sig in enumerate(sigs):
        mh = MinHash(num_perm=NUM_PERM, seed=7, hashvalues=sig, scheme=SCHEME)
        hits = [h for h in lsh.query(mh) if np.count_nonzero(sigs[order[h]] == sig) / NUM_PERM >= 0.7]
        assert index.find(sig) == (min(hits, key=order.__getitem__) if hits else None)
        index.add(f"d:{i}", sig)
        lsh.insert(f"d:{i}", mh)
        order[f"d:{i}"] = i
