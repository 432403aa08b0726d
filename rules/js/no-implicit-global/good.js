// Fixture: no-implicit-global, near-misses that must NOT be reported.
// Env: default (node + browser). Sloppy script (no import/export); see
// good.mjs and good.ts for modules and TypeScript.

/* global declaredByComment, firstListed, secondListed */
/* global writableByComment:writable */
/*global noSpacesInComment*/
/* globals pluralKeyword */

// ==== Declared somewhere in scope ====

function hoistedVarCase() {
  // ok: no-implicit-global
  hoistedLater = 1;
  var hoistedLater;
  return hoistedLater;
}

// ok: no-implicit-global
topLevelHoisted = 1;
var topLevelHoisted;

function writesLaterLetCase() {
  // ok: no-implicit-global
  declaredAfterFunction = 1;
}
let declaredAfterFunction;

function hoistedFunctionCase() {
  // ok: no-implicit-global
  helperDeclaredLater = null;
  function helperDeclaredLater() {}
}

function functionDeclarationTarget() {}
// ok: no-implicit-global
functionDeclarationTarget = function wrapped() {};

class ClassDeclarationTarget {}
function reassignClassCase() {
  // ok: no-implicit-global
  ClassDeclarationTarget = null;
}

function parameterCase(options) {
  // ok: no-implicit-global
  options = options || {};
  return options;
}

function catchParameterCase() {
  try {
    JSON.parse('{');
  } catch (parseFailure) {
    // ok: no-implicit-global
    parseFailure = String(parseFailure);
    return parseFailure;
  }
}

function destructuredCatchCase() {
  try {
    JSON.parse('{');
  } catch ({ message, name: errorName }) {
    // ok: no-implicit-global
    message = errorName + ': ' + message;
    return message;
  }
}

function destructuredDefaultsCase({ alpha = 1, beta } = {}, [gamma] = []) {
  // ok: no-implicit-global
  alpha = beta = gamma = 0;
  return alpha;
}

function restParameterCase(...restArgs) {
  // ok: no-implicit-global
  restArgs = restArgs.slice(1);
  return restArgs;
}

var moduleVar;
function writesModuleVarCase() {
  // ok: no-implicit-global
  moduleVar = {};
}

let moduleLet = 0;
function compoundOnDeclaredCase(n) {
  // ok: no-implicit-global
  moduleLet += n;
}

// `var` is function-scoped: a declaration inside a block counts everywhere.
function varInBlockCase(flag) {
  if (flag) {
    var blockVar = 1;
  }
  // ok: no-implicit-global
  blockVar = 2;
  return blockVar;
}

// Hoisting reaches nested functions too.
function outerHoistCase() {
  function inner() {
    // ok: no-implicit-global
    hoistedForInner = 1;
  }
  var hoistedForInner;
  inner();
  return hoistedForInner;
}

// Closures: a name declared in an outer function.
function makeCounterCase() {
  let count = 0;
  return function next() {
    // ok: no-implicit-global
    count++;
    return count;
  };
}

function makeAccumulatorCase() {
  const parts = [];
  let joined = '';
  return (part) => {
    parts.push(part);
    // ok: no-implicit-global
    joined += part;
    return joined;
  };
}

function declaredLoopTargetsCase(source, list) {
  let key;
  // ok: no-implicit-global
  for (key in source) console.log(key);
  // ok: no-implicit-global
  for (const item of list) console.log(item);
  // ok: no-implicit-global
  for (var index = 0; index < list.length; index++) console.log(index);
}

function swapCase() {
  let left = 1, right = 2;
  // ok: no-implicit-global
  [left, right] = [right, left];
  return left - right;
}

// A named function expression's own name is bound inside it.
const namedExpression = function selfNamed() {
  // ok: no-implicit-global
  selfNamed = null;
};

// `arguments` is a binding of every non-arrow function.
function argumentsCase() {
  // ok: no-implicit-global
  arguments = [];
  return arguments;
}

// ==== Comments and environments declare names ====

function globalCommentCase() {
  // ok: no-implicit-global
  declaredByComment = 1;
  // ok: no-implicit-global
  firstListed = secondListed = 2;
  // ok: no-implicit-global
  writableByComment = 3;
  // ok: no-implicit-global
  noSpacesInComment = 4;
  // ok: no-implicit-global
  pluralKeyword = 5;
}

function knownGlobalsCase(handler) {
  // ok: no-implicit-global
  onerror = handler;
  // ok: no-implicit-global
  exports = module.exports = {};
}

// ==== Not an assignment to a bare name ====

function memberWritesCase() {
  // ok: no-implicit-global
  window.appVersion = '1.0';
  // ok: no-implicit-global
  globalThis.sharedFlag = true;
  // ok: no-implicit-global
  process.exitCode = 1;
  // ok: no-implicit-global
  notDeclaredObject.someProperty = 1;
}

function readsOnlyCase() {
  // ok: no-implicit-global
  return undeclaredButOnlyRead + 1;
}

function shorthandReadCase() {
  // ok: no-implicit-global
  return { shorthandOnlyRead };
}

function typeofGuardCase() {
  // ok: no-implicit-global
  if (typeof maybeProvided === 'undefined') return null;
  return maybeProvided;
}

function labelCase(rows) {
  // ok: no-implicit-global
  outerLoop: for (const row of rows) {
    for (const cell of row) {
      if (cell) break outerLoop;
    }
  }
}

class FieldsCase {
  // ok: no-implicit-global
  hits = 0;
  // ok: no-implicit-global
  static instances = 0;
  bump() {
    // ok: no-implicit-global
    this.hits++;
    FieldsCase.instances += 1;
  }
}

const objectWithKeys = {
  // ok: no-implicit-global
  plainKey: 1,
  // ok: no-implicit-global
  ['computed' + 'Key']: 2,
};

// ==== `this.x` that is not the global object ====

function Widget() {
  // ok: no-implicit-global
  this.size = 1;
}
Widget();

function makeShape() {
  // ok: no-implicit-global
  this.sides = 3;
}
const triangle = new makeShape();

function pointLike() {
  // ok: no-implicit-global
  this.x = 0;
}
pointLike.prototype.move = function () {
  // ok: no-implicit-global
  this.x += 1;
};
pointLike();

function constructedSomewhere() {
  // ok: no-implicit-global
  this.built = true;
}
constructedSomewhere();
const built = new constructedSomewhere();

function passedAsCallback() {
  // ok: no-implicit-global
  this.viaTimer = true;
}
setTimeout(passedAsCallback, 0);

function applyToTarget() {
  // ok: no-implicit-global
  this.applied = true;
}
applyToTarget.call(objectWithKeys);

function neverCalledDirectly() {
  // ok: no-implicit-global
  this.unused = true;
}

function strictThisCase() {
  'use strict';
  // ok: no-implicit-global
  this.strictProp = 1;
}
strictThisCase();

const methodHolder = {
  init() {
    // ok: no-implicit-global
    this.ready = true;
  },
  start: function () {
    // ok: no-implicit-global
    this.started = true;
  },
};
methodHolder.init();
methodHolder.start();

function outerWithArrow() {
  const setLater = () => {
    // ok: no-implicit-global
    this.later = 1;
  };
  setLater();
}
new outerWithArrow();

// ==== Strict code with everything declared ====

function strictAllDeclaredCase(items) {
  'use strict';
  let last;
  // ok: no-implicit-global
  for (last of items) console.log(last);
  return last;
}
