// The timing checks (BLMOVE timeouts, concurrent waits) must not compete for the 2 cores with the
// persistence tests' bulk writes, so collections run one after another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
