// The recipes read their cookie secret from the environment when they load, as they would in production.
/** A cookie secret for the recipes under test. */
export const TEST_SECRET = "recipes-under-test-0123456789abcdef";
process.env.BECKON_COOKIE_SECRET = TEST_SECRET;
