let = = 5 +;
// expect-error: SyntaxError
