// Fixture: no-uncleared-interval in TypeScript.
// Env: default (node + browser).

class TypedPoller {
  private timer?: ReturnType<typeof setInterval>;

  start(intervalMs: number): void {
    // expect: no-uncleared-interval error "'this.timer' is overwritten"
    this.timer = setInterval((): void => this.poll(), intervalMs);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private poll(): void {}
}

function typedDiscardCase(ms: number): void {
  // expect: no-uncleared-interval error "discarded"
  setInterval(() => console.log('tick'), ms);
}

function castHandleCase(): void {
  // expect: no-uncleared-interval error "'castHandle' is never cleared"
  const castHandle = setInterval(() => {}, 100) as unknown as number;
  console.log(castHandle);
}

export { TypedPoller, typedDiscardCase, castHandleCase };
