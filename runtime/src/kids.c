/* The child-slot table: O(1) answers to "the child of node n in field f".
 *
 * The evaluator asks for a node's children by field constantly (`left` of
 * a binary expression, `body` of a function, …). The node view links
 * children as a list that includes anonymous tokens, so a lookup walks it.
 * This table gives every node four slots; each hot field has a fixed slot
 * (`llrt__kid_slot`, chosen so the fields one node kind uses never share
 * one), and the slot records which field fills it. A node where two
 * different fields would land in one slot marks that slot KID_MIXED and
 * lookups there fall back to the walk, so the table is only ever a cache:
 * it cannot answer differently from `ll_js_child`.
 *
 * Must never: record anything but a node's first child of a field (the
 * answer `ll_js_child` gives for repeated fields such as `switch_case`'s
 * `body`). */
#include <stdlib.h>

#include "interp.h"

_Static_assert(LL_K_COUNT <= 256, "kinds must fit the packed kind8 table");

bool llrt__build_kids(llrt_script *sc) {
  const ll_js *js = &sc->js;
  size_t n4 = (size_t)js->count * LLRT_KIDS;
  sc->kid = malloc((n4 ? n4 : 1) * sizeof *sc->kid);
  sc->kidf = calloc(n4 ? n4 : 1, 1);
  sc->named0 = malloc((js->count ? js->count : 1) * sizeof *sc->named0);
  sc->kind8 = malloc(js->count ? js->count : 1);
  if (!sc->kid || !sc->kidf || !sc->named0 || !sc->kind8) return false;
  for (size_t i = 0; i < n4; i++) sc->kid[i] = LL_NONE;
  for (ll_nid n = 0; n < js->count; n++) {
    sc->named0[n] = ll_js_named_child(js, n, 0);
    sc->kind8[n] = (uint8_t)js->nodes[n].kind;
    for (ll_nid c = js->nodes[n].first; c != LL_NONE; c = js->nodes[c].next) {
      ll_field f = (ll_field)js->nodes[c].field;
      int s = f == LL_F_none ? -1 : llrt__kid_slot(f);
      if (s < 0) continue;
      size_t i = (size_t)n * LLRT_KIDS + (size_t)s;
      if (sc->kidf[i] == LL_F_none) {
        sc->kidf[i] = (uint8_t)f;
        sc->kid[i] = c;
      } else if (sc->kidf[i] != f) {
        sc->kidf[i] = LLRT_KID_MIXED; /* two fields share the slot: walk */
      }
    }
  }
  return true;
}
