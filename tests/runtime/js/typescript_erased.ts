interface Shape { area(): number; }
type Pair<T> = [T, T];
class Circle implements Shape {
  constructor(private r: number) {}
  area(): number { return Math.round(Math.PI * this.r * this.r); }
}
function first<T>(p: Pair<T>): T { return p[0]; }
const c: Shape = new Circle(2);
const n = (c as Circle).area()!;
let maybe: string | undefined = undefined;
console.log(n, first<number>([4, 5]), maybe ?? 'none');
// expect-output: 13 4 none
