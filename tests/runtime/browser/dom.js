// The document and elements, checked by hand against the DOM spec and
// Chrome (no Node oracle: Node has no DOM).
const log = (...a) => console.log(...a);
log(window === globalThis, self === window, window instanceof EventTarget, document.nodeType);
log(document.documentElement.tagName, document.head.parentNode === document.documentElement, document.body.tagName);
const list = document.createElement('ul');
list.id = 'menu';
list.className = 'nav open';
document.body.appendChild(list);
for (const label of ['a', 'b', 'c']) {
  const li = document.createElement('li');
  li.textContent = label;
  li.setAttribute('data-key', label);
  list.appendChild(li);
}
log(list.children.length, list.firstElementChild.textContent, list.lastChild.textContent, list.textContent);
log(document.getElementById('menu') === list, document.querySelector('#menu') === list, document.querySelector('ul.nav') === list);
log(document.querySelectorAll('li').length, list.querySelector('[data-key="b"]').textContent, list.children[1].dataset.key);
log(list.classList.contains('open'), list.classList.toggle('open'), list.className, list.classList.length);
list.classList.add('x', 'y');
list.classList.remove('nav');
log(list.getAttribute('class'), list.getAttribute('id'), list.getAttribute('nope'), list.hasAttribute('id'));
// querySelector always answers, with the same element each time
const ghost = document.querySelector('.toolbar button.save');
log(ghost.tagName, ghost.className, ghost === document.querySelector('.toolbar button.save'), ghost.parentNode === document.body);
log(document.getElementById('nowhere') === document.getElementById('nowhere'), document.getElementById('nowhere').id);
// removal
const second = list.children[1];
list.removeChild(second);
log(list.children.length, second.parentNode, second.isConnected, list.isConnected);
try { list.removeChild(second); } catch (e) { log(e.name, e instanceof DOMException); }
list.children[0].remove();
list.innerHTML = '';
log(list.children.length, list.innerHTML === '', list.contains(list), document.body.contains(list));
// style
list.style.color = 'red';
list.style.setProperty('margin-top', '1px');
log(list.style.color, list.style.getPropertyValue('margin-top'), list.style.getPropertyValue('nope') === '');
// bubbling and capture through the tree, window last
const order = [];
const btn = document.createElement('button');
list.appendChild(btn);
const at = (name) => (e) => order.push(name + ':' + e.eventPhase);
window.addEventListener('click', at('window-capture'), true);
document.addEventListener('click', at('document'));
document.body.addEventListener('click', at('body-capture'), { capture: true });
list.addEventListener('click', at('ul'));
btn.addEventListener('click', at('btn'));
btn.addEventListener('click', at('btn-capture'), true);
window.addEventListener('click', at('window'));
btn.click();
log(order.join(' '));
order.length = 0;
btn.dispatchEvent(new Event('click')); // does not bubble
log(order.join(' '));
order.length = 0;
list.addEventListener('click', (e) => { e.stopPropagation(); order.push('stop:' + (e.target === btn) + ':' + (e.currentTarget === list)); });
btn.click();
log(order.join(' '));
const path = [];
btn.addEventListener('path', (e) => path.push(...e.composedPath().map((n) => n === window ? 'window' : n.nodeName)));
btn.dispatchEvent(new Event('path'));
log(path.join('>'));
// an exception in a listener is reported; the others still run
const t = new EventTarget();
t.addEventListener('boom', () => { throw new Error('first'); });
t.addEventListener('boom', () => log('second ran'));
t.dispatchEvent(new Event('boom'));
// fragments, text nodes, insertBefore
const frag = document.createDocumentFragment();
frag.append('x', document.createElement('span'));
const box = document.createElement('div');
box.appendChild(document.createTextNode('end'));
box.insertBefore(frag, box.firstChild);
log(box.childNodes.length, frag.childNodes.length, box.firstChild.nodeType, box.textContent);
// storage, media queries
localStorage.setItem('k', 1);
log(localStorage.getItem('k'), typeof localStorage.getItem('k'), localStorage.getItem('none'), localStorage.length);
localStorage.clear();
log(localStorage.length, sessionStorage.getItem('k'));
const mq = matchMedia('(min-width: 600px)');
mq.addListener(() => {});
log(mq.media, mq.matches, mq instanceof EventTarget);
log(typeof requestAnimationFrame, typeof ResizeObserver, typeof MutationObserver.prototype.takeRecords);
// expect-output: true true true 9
// expect-output: HTML true BODY
// expect-output: 3 a c abc
// expect-output: true true true
// expect-output: 3 b b
// expect-output: true false nav 1
// expect-output: x y menu null true
// expect-output: BUTTON save true true
// expect-output: true nowhere
// expect-output: 2 null false true
// expect-output: NotFoundError true
// expect-output: 0 true true true
// expect-output: red 1px true
// expect-output: window-capture:1 body-capture:1 btn-capture:2 btn:2 ul:3 document:3 window:3
// expect-output: window-capture:1 body-capture:1 btn-capture:2 btn:2
// expect-output: window-capture:1 body-capture:1 btn-capture:2 btn:2 ul:3 stop:true:true
// expect-output: BUTTON>UL>BODY>HTML>#document>window
// expect-output: Uncaught Error: first
// expect-output: second ran
// expect-output: 3 0 3 xend
// expect-output: 1 string null 1
// expect-output: 0 null
// expect-output: (min-width: 600px) false true
// expect-output: function function function
