class Account {
  static #count = 0;
  #balance = 0;
  static create() { Account.#count++; return new Account(); }
  static get count() { return Account.#count; }
  deposit(n) { this.#balance += n; return this; }
  #fmt() { return '$' + this.#balance; }
  show() { return this.#fmt(); }
  has(o) { return #balance in o; }
}
const a = Account.create().deposit(5).deposit(7);
Account.create();
console.log(a.show(), Account.count);
// expect-output: $12 2
