// Fixture: no-implicit-global in TypeScript. No import/export: a sloppy
// script, so the findings are warnings unless a case is strict.
// Types are erased before the rule looks: a `type` or an `interface` name
// declares no value, so assigning to it assigns to an undeclared name.
// Env: default (node + browser).

type Alias = string;
function typeAliasCase(value: string): void {
  // expect: no-implicit-global "'Alias'"
  Alias = value;
}

interface Shape {
  sides: number;
}
function interfaceCase(): void {
  // expect: no-implicit-global "'Shape'"
  Shape = { sides: 3 };
}

function typedParamCase(count: number): void {
  // expect: no-implicit-global warning "'typedLeak' creates an implicit global"
  typedLeak = count as number;
}

function typedAccumulateCase(id: string): void {
  // expect: no-implicit-global error "'idsLeak'"
  idsLeak = (idsLeak || []) as string[];
  idsLeak.push(id);
}

class TypedClass {
  private total: number = 0;
  add(n: number): number {
    // expect: no-implicit-global error "throws a ReferenceError"
    classTsLeak = n;
    return (this.total += n);
  }
}

function genericCase<T>(items: T[]): T | undefined {
  // expect: no-implicit-global "'genericLeak'"
  for (genericLeak of items) {
    return genericLeak as T;
  }
  return undefined;
}
