throw 'plain string';
// expect-error: Uncaught plain string
