// Listeners of both kinds, for the run report's "last added at": an inline
// arrow is reported where it was added; a named function where it was made.
function onExit() {}
function mount(el) {
  window.addEventListener('resize', () => el.layout());
}
function attach() {
  process.on('exit', onExit);
  process.once('beforeExit', () => {});
}
module.exports.go = () => {
  mount({ layout() {} });
  attach();
};
