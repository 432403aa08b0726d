// Fixture: no-implicit-global, cases that MUST be reported.
// Env: default (node + browser). This file is a sloppy script (no import or
// export, no file-level "use strict"); strict cases use a function-level
// directive or a class body. See bad.cjs, bad.mjs and bad.ts for the
// file-level strict forms and TypeScript.
//
// Marker syntax: `// expect: <id> [error|warning] ["message substring"]`.

// ==== Sloppy code: a warning, "creates an implicit global" ====

function plainAssignCase() {
  // expect: no-implicit-global warning "Assignment to undeclared variable 'plainLeak' creates an implicit global"
  plainLeak = 1;
}

// A module-level assignment runs once, but it still creates a global.
// expect: no-implicit-global warning "creates an implicit global"
topLevelLeak = 'x';

function incrementCase() {
  // expect: no-implicit-global "'incLeak'"
  incLeak++;
}

function decrementPrefixCase() {
  // expect: no-implicit-global "'decLeak'"
  --decLeak;
}

function logicalAssignCase() {
  // expect: no-implicit-global "'lazyConfigLeak'"
  lazyConfigLeak ??= {};
}

function forInTargetCase(source) {
  // expect: no-implicit-global "'forInKeyLeak'"
  for (forInKeyLeak in source) {
    console.log(source[forInKeyLeak]);
  }
}

function forOfTargetCase(list) {
  // expect: no-implicit-global "'forOfItemLeak'"
  for (forOfItemLeak of list) {
    console.log(forOfItemLeak);
  }
}

function arrayDestructuringCase(pair) {
  // expect: no-implicit-global "'firstLeak'"
  [firstLeak] = pair;
}

function objectDestructuringCase(size) {
  // expect: no-implicit-global "'widthLeak'"
  ({ width: widthLeak } = size);
}

function restDestructuringCase(values) {
  // expect: no-implicit-global "'restLeak'"
  [, ...restLeak] = values;
}

function chainedAssignCase() {
  var chainDeclared;
  // expect: no-implicit-global "'chainLeak'"
  chainDeclared = chainLeak = 0;
  return chainDeclared;
}

function callbackCase(numbers) {
  numbers.forEach(function (n) {
    // expect: no-implicit-global "'lastSeenLeak'"
    lastSeenLeak = n;
  });
}

function arrowCase(numbers) {
  // expect: no-implicit-global "'arrowLeak'"
  return numbers.map((n) => (arrowLeak = n * 2));
}

// Scoping: a `var` of a sibling function does not declare the name here.
function siblingOwnerCase() {
  var siblingOnlyVar = 1;
  return siblingOnlyVar;
}
function siblingWriterCase() {
  // expect: no-implicit-global "'siblingOnlyVar'"
  siblingOnlyVar = 2;
}

// Scoping: a `let` in an inner block is gone after the block.
function blockScopeCase(flag) {
  if (flag) {
    let blockOnlyLet = 1;
    console.log(blockOnlyLet);
  }
  // expect: no-implicit-global "'blockOnlyLet'"
  blockOnlyLet = 2;
}

// Scoping: a catch parameter exists only inside its catch clause.
function catchScopeCase() {
  try {
    JSON.parse('{');
  } catch (caughtOnly) {
    console.log(caughtOnly);
  }
  // expect: no-implicit-global "'caughtOnly'"
  caughtOnly = null;
}

// A loop at module level runs many times, but `=` alone does not accumulate.
for (var loopIndex = 0; loopIndex < 3; loopIndex++) {
  // expect: no-implicit-global warning "'loopLeak'"
  loopLeak = loopIndex;
}

// Every write site is reported, not only the first.
function firstWriteSiteCase() {
  // expect: no-implicit-global "'twiceWritten'"
  twiceWritten = 0;
}
function secondWriteSiteCase() {
  // expect: no-implicit-global "'twiceWritten'"
  twiceWritten = twiceWritten + 1;
}

// The classic: a loop counter that was never declared.
function forInitCase(rows) {
  // expect: no-implicit-global "'rowIndexLeak'"
  for (rowIndexLeak = 0; rowIndexLeak < rows.length; rowIndexLeak++) {
    console.log(rows[rowIndexLeak]);
  }
}

function conditionAssignCase(re, text) {
  // expect: no-implicit-global "'matchLeak'"
  while ((matchLeak = re.exec(text)) !== null) {
    console.log(matchLeak[0]);
  }
}

// A default parameter value runs at every call, in the function's scope.
// expect: no-implicit-global "'defaultSideLeak'"
function defaultParamCase(a = (defaultSideLeak = 1)) {
  return a;
}

// A named function expression's name is bound only inside the function.
const namedOutside = function innerOnlyName() {};
function assignsOuterNameCase() {
  // expect: no-implicit-global "'innerOnlyName'"
  innerOnlyName = namedOutside;
}

// Accumulating, but only in code that runs once: still a warning.
// expect: no-implicit-global warning "'bootListLeak'"
bootListLeak = [];
bootListLeak.push('boot');

// A `let` in a for-loop head is gone after the loop.
function loopHeadScopeCase(rows) {
  for (let loopHeadIndex = 0; loopHeadIndex < rows.length; loopHeadIndex++) {
    console.log(rows[loopHeadIndex]);
  }
  // expect: no-implicit-global "'loopHeadIndex'"
  loopHeadIndex = -1;
}

// A directive after another statement is just a string: still sloppy.
function lateDirectiveCase() {
  console.log('start');
  'use strict';
  // expect: no-implicit-global warning "'lateDirectiveLeak' creates an implicit global"
  lateDirectiveLeak = 1;
}

// ==== Accumulating in code that runs many times: an error ====

function pushAccumulatesCase(id) {
  // expect: no-implicit-global error "'seenLeak'"
  seenLeak = seenLeak || [];
  // ok: no-implicit-global
  seenLeak.push(id);
}

function compoundAddCase(bytes) {
  // expect: no-implicit-global error "'byteTotalLeak'"
  byteTotalLeak += bytes;
}

function mapSetAccumulatesCase(key, value) {
  if (!lookupLeak) {
    // expect: no-implicit-global error "'lookupLeak'"
    lookupLeak = new Map();
  }
  lookupLeak.set(key, value);
}

function setAddAccumulatesCase(user) {
  // expect: no-implicit-global error "'visitorsLeak'"
  visitorsLeak = visitorsLeak || new Set();
  visitorsLeak.add(user);
}

function unshiftAccumulatesCase(entry) {
  // expect: no-implicit-global error "'historyLogLeak'"
  historyLogLeak = historyLogLeak || [];
  historyLogLeak.unshift(entry);
}

function spliceAccumulatesCase(entry) {
  // expect: no-implicit-global error "'queueLeak'"
  queueLeak = queueLeak || [];
  queueLeak.splice(0, 0, entry);
}

function indexWriteAccumulatesCase(key, value) {
  // expect: no-implicit-global error "'registryLeak'"
  registryLeak = registryLeak || {};
  // ok: no-implicit-global
  registryLeak[key] = value;
}

function propertyWriteAccumulatesCase(session) {
  // expect: no-implicit-global error "'sessionsLeak'"
  sessionsLeak = sessionsLeak || {};
  sessionsLeak.last = session;
}

// Created once at module level, filled by a function that runs many times:
// the name accumulates in many-times code, so the write site is an error.
// expect: no-implicit-global error "'pendingLeak'"
pendingLeak = [];
function enqueueCase(job) {
  pendingLeak.push(job);
}

// ==== Strict code: an error, "throws a ReferenceError" ====

function strictDirectiveCase() {
  'use strict';
  // expect: no-implicit-global error "Assignment to undeclared variable 'strictLeak' throws a ReferenceError in strict mode"
  strictLeak = 1;
}

function strictInheritedCase() {
  "use strict";
  return function inner() {
    // expect: no-implicit-global error "throws a ReferenceError"
    innerStrictLeak = 2;
  };
}

function strictForOfCase(items) {
  'use strict';
  // expect: no-implicit-global error "throws a ReferenceError"
  for (strictItemLeak of items) {
    console.log(strictItemLeak);
  }
}

class ClassBodyIsStrict {
  method() {
    // expect: no-implicit-global error "'classMethodLeak' throws a ReferenceError"
    classMethodLeak = 3;
  }
  static build() {
    // expect: no-implicit-global error "throws a ReferenceError"
    staticMethodLeak = 4;
  }
}

class StaticBlockIsStrict {
  static {
    // expect: no-implicit-global error "'staticBlockLeak' throws a ReferenceError"
    staticBlockLeak = 5;
  }
}

// ==== `this.x` in a sloppy plain function called without `new` ====

function setupFlags() {
  // expect: no-implicit-global warning "'this.ready' in function 'setupFlags' called without 'new' sets a property of the global object"
  this.ready = true;
}
setupFlags();

const initCounters = function () {
  // expect: no-implicit-global warning "'this.counter' in function 'initCounters' called without 'new'"
  this.counter = 0;
};
initCounters();

function markLoaded() {
  // expect: no-implicit-global "'this.loadedAt' in function 'markLoaded'"
  this.loadedAt = Date.now();
}
function onStartup() {
  markLoaded();
}
onStartup();
