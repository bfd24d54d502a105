/** Build-time flag: true only in test builds (UNWRAP_TEST_BUILD=1) and unit tests; dead code otherwise. */
declare const __UNWRAP_TEST__: boolean;
