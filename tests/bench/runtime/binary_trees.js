// binary-trees (depth 16 by default): allocation-heavy, the classic GC benchmark.
function TreeNode(left, right) { this.left = left; this.right = right; }
function itemCheck(node) { return node.left === null ? 1 : 1 + itemCheck(node.left) + itemCheck(node.right); }
function bottomUpTree(depth) { return depth > 0 ? new TreeNode(bottomUpTree(depth - 1), bottomUpTree(depth - 1)) : new TreeNode(null, null); }
var maxDepth = 16;
var stretchDepth = maxDepth + 1;
console.log('stretch tree of depth ' + stretchDepth + '\t check: ' + itemCheck(bottomUpTree(stretchDepth)));
var longLivedTree = bottomUpTree(maxDepth);
for (var depth = 4; depth <= maxDepth; depth += 2) {
  var iterations = 1 << (maxDepth - depth + 4);
  var check = 0;
  for (var i = 0; i < iterations; i++) check += itemCheck(bottomUpTree(depth));
  console.log(iterations + '\t trees of depth ' + depth + '\t check: ' + check);
}
console.log('long lived tree of depth ' + maxDepth + '\t check: ' + itemCheck(longLivedTree));
