#!/usr/bin/env node
import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// node_modules/yaml/dist/nodes/identity.js
var require_identity = __commonJS({
  "node_modules/yaml/dist/nodes/identity.js"(exports) {
    "use strict";
    var ALIAS = /* @__PURE__ */ Symbol.for("yaml.alias");
    var DOC = /* @__PURE__ */ Symbol.for("yaml.document");
    var MAP = /* @__PURE__ */ Symbol.for("yaml.map");
    var PAIR = /* @__PURE__ */ Symbol.for("yaml.pair");
    var SCALAR = /* @__PURE__ */ Symbol.for("yaml.scalar");
    var SEQ = /* @__PURE__ */ Symbol.for("yaml.seq");
    var NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type");
    var isAlias2 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === ALIAS;
    var isDocument = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === DOC;
    var isMap6 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === MAP;
    var isPair = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === PAIR;
    var isScalar5 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SCALAR;
    var isSeq5 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SEQ;
    function isCollection(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case MAP:
          case SEQ:
            return true;
        }
      return false;
    }
    function isNode(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case ALIAS:
          case MAP:
          case SCALAR:
          case SEQ:
            return true;
        }
      return false;
    }
    var hasAnchor = (node) => (isScalar5(node) || isCollection(node)) && !!node.anchor;
    exports.ALIAS = ALIAS;
    exports.DOC = DOC;
    exports.MAP = MAP;
    exports.NODE_TYPE = NODE_TYPE;
    exports.PAIR = PAIR;
    exports.SCALAR = SCALAR;
    exports.SEQ = SEQ;
    exports.hasAnchor = hasAnchor;
    exports.isAlias = isAlias2;
    exports.isCollection = isCollection;
    exports.isDocument = isDocument;
    exports.isMap = isMap6;
    exports.isNode = isNode;
    exports.isPair = isPair;
    exports.isScalar = isScalar5;
    exports.isSeq = isSeq5;
  }
});

// node_modules/yaml/dist/visit.js
var require_visit = __commonJS({
  "node_modules/yaml/dist/visit.js"(exports) {
    "use strict";
    var identity = require_identity();
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove node");
    function visit3(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        visit_(null, node, visitor_, Object.freeze([]));
    }
    visit3.BREAK = BREAK;
    visit3.SKIP = SKIP;
    visit3.REMOVE = REMOVE;
    function visit_(key, node, visitor, path2) {
      const ctrl = callVisitor(key, node, visitor, path2);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path2, ctrl);
        return visit_(key, ctrl, visitor, path2);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path2 = Object.freeze(path2.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = visit_(i, node.items[i], visitor, path2);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path2 = Object.freeze(path2.concat(node));
          const ck = visit_("key", node.key, visitor, path2);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = visit_("value", node.value, visitor, path2);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    async function visitAsync(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
    }
    visitAsync.BREAK = BREAK;
    visitAsync.SKIP = SKIP;
    visitAsync.REMOVE = REMOVE;
    async function visitAsync_(key, node, visitor, path2) {
      const ctrl = await callVisitor(key, node, visitor, path2);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path2, ctrl);
        return visitAsync_(key, ctrl, visitor, path2);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path2 = Object.freeze(path2.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = await visitAsync_(i, node.items[i], visitor, path2);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path2 = Object.freeze(path2.concat(node));
          const ck = await visitAsync_("key", node.key, visitor, path2);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = await visitAsync_("value", node.value, visitor, path2);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    function initVisitor(visitor) {
      if (typeof visitor === "object" && (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
          Alias: visitor.Node,
          Map: visitor.Node,
          Scalar: visitor.Node,
          Seq: visitor.Node
        }, visitor.Value && {
          Map: visitor.Value,
          Scalar: visitor.Value,
          Seq: visitor.Value
        }, visitor.Collection && {
          Map: visitor.Collection,
          Seq: visitor.Collection
        }, visitor);
      }
      return visitor;
    }
    function callVisitor(key, node, visitor, path2) {
      if (typeof visitor === "function")
        return visitor(key, node, path2);
      if (identity.isMap(node))
        return visitor.Map?.(key, node, path2);
      if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path2);
      if (identity.isPair(node))
        return visitor.Pair?.(key, node, path2);
      if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path2);
      if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path2);
      return void 0;
    }
    function replaceNode(key, path2, node) {
      const parent = path2[path2.length - 1];
      if (identity.isCollection(parent)) {
        parent.items[key] = node;
      } else if (identity.isPair(parent)) {
        if (key === "key")
          parent.key = node;
        else
          parent.value = node;
      } else if (identity.isDocument(parent)) {
        parent.contents = node;
      } else {
        const pt = identity.isAlias(parent) ? "alias" : "scalar";
        throw new Error(`Cannot replace node with ${pt} parent`);
      }
    }
    exports.visit = visit3;
    exports.visitAsync = visitAsync;
  }
});

// node_modules/yaml/dist/doc/directives.js
var require_directives = __commonJS({
  "node_modules/yaml/dist/doc/directives.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit3 = require_visit();
    var escapeChars = {
      "!": "%21",
      ",": "%2C",
      "[": "%5B",
      "]": "%5D",
      "{": "%7B",
      "}": "%7D"
    };
    var escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]);
    var Directives = class _Directives {
      constructor(yaml, tags) {
        this.docStart = null;
        this.docEnd = false;
        this.yaml = Object.assign({}, _Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, _Directives.defaultTags, tags);
      }
      clone() {
        const copy = new _Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
      }
      /**
       * During parsing, get a Directives instance for the current document and
       * update the stream state according to the current version's spec.
       */
      atDocument() {
        const res = new _Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
          case "1.1":
            this.atNextDocument = true;
            break;
          case "1.2":
            this.atNextDocument = false;
            this.yaml = {
              explicit: _Directives.defaultYaml.explicit,
              version: "1.2"
            };
            this.tags = Object.assign({}, _Directives.defaultTags);
            break;
        }
        return res;
      }
      /**
       * @param onError - May be called even if the action was successful
       * @returns `true` on success
       */
      add(line, onError) {
        if (this.atNextDocument) {
          this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" };
          this.tags = Object.assign({}, _Directives.defaultTags);
          this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
          case "%TAG": {
            if (parts.length !== 2) {
              onError(0, "%TAG directive should contain exactly two parts");
              if (parts.length < 2)
                return false;
            }
            const [handle, prefix2] = parts;
            this.tags[handle] = prefix2;
            return true;
          }
          case "%YAML": {
            this.yaml.explicit = true;
            if (parts.length !== 1) {
              onError(0, "%YAML directive should contain exactly one part");
              return false;
            }
            const [version] = parts;
            if (version === "1.1" || version === "1.2") {
              this.yaml.version = version;
              return true;
            } else {
              const isValid = /^\d+\.\d+$/.test(version);
              onError(6, `Unsupported YAML version ${version}`, isValid);
              return false;
            }
          }
          default:
            onError(0, `Unknown directive ${name}`, true);
            return false;
        }
      }
      /**
       * Resolves a tag, matching handles to those defined in %TAG directives.
       *
       * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
       *   `'!local'` tag, or `null` if unresolvable.
       */
      tagName(source, onError) {
        if (source === "!")
          return "!";
        if (source[0] !== "!") {
          onError(`Not a valid tag: ${source}`);
          return null;
        }
        if (source[1] === "<") {
          const verbatim = source.slice(2, -1);
          if (verbatim === "!" || verbatim === "!!") {
            onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
            return null;
          }
          if (source[source.length - 1] !== ">")
            onError("Verbatim tags must end with a >");
          return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
          onError(`The ${source} tag has no suffix`);
        const prefix2 = this.tags[handle];
        if (prefix2) {
          try {
            return prefix2 + decodeURIComponent(suffix);
          } catch (error) {
            onError(String(error));
            return null;
          }
        }
        if (handle === "!")
          return source;
        onError(`Could not resolve tag: ${source}`);
        return null;
      }
      /**
       * Given a fully resolved tag, returns its printable string form,
       * taking into account current tag prefixes and defaults.
       */
      tagString(tag) {
        for (const [handle, prefix2] of Object.entries(this.tags)) {
          if (tag.startsWith(prefix2))
            return handle + escapeTagName(tag.substring(prefix2.length));
        }
        return tag[0] === "!" ? tag : `!<${tag}>`;
      }
      toString(doc) {
        const lines = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
          const tags = {};
          visit3.visit(doc.contents, (_key, node) => {
            if (identity.isNode(node) && node.tag)
              tags[node.tag] = true;
          });
          tagNames = Object.keys(tags);
        } else
          tagNames = [];
        for (const [handle, prefix2] of tagEntries) {
          if (handle === "!!" && prefix2 === "tag:yaml.org,2002:")
            continue;
          if (!doc || tagNames.some((tn) => tn.startsWith(prefix2)))
            lines.push(`%TAG ${handle} ${prefix2}`);
        }
        return lines.join("\n");
      }
    };
    Directives.defaultYaml = { explicit: false, version: "1.2" };
    Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };
    exports.Directives = Directives;
  }
});

// node_modules/yaml/dist/doc/anchors.js
var require_anchors = __commonJS({
  "node_modules/yaml/dist/doc/anchors.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit3 = require_visit();
    function anchorIsValid(anchor) {
      if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
      }
      return true;
    }
    function anchorNames(root) {
      const anchors = /* @__PURE__ */ new Set();
      visit3.visit(root, {
        Value(_key, node) {
          if (node.anchor)
            anchors.add(node.anchor);
        }
      });
      return anchors;
    }
    function findNewAnchor(prefix2, exclude) {
      for (let i = 1; true; ++i) {
        const name = `${prefix2}${i}`;
        if (!exclude.has(name))
          return name;
      }
    }
    function createNodeAnchors(doc, prefix2) {
      const aliasObjects = [];
      const sourceObjects = /* @__PURE__ */ new Map();
      let prevAnchors = null;
      return {
        onAnchor: (source) => {
          aliasObjects.push(source);
          prevAnchors ?? (prevAnchors = anchorNames(doc));
          const anchor = findNewAnchor(prefix2, prevAnchors);
          prevAnchors.add(anchor);
          return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
          for (const source of aliasObjects) {
            const ref = sourceObjects.get(source);
            if (typeof ref === "object" && ref.anchor && (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
              ref.node.anchor = ref.anchor;
            } else {
              const error = new Error("Failed to resolve repeated object (this should not happen)");
              error.source = source;
              throw error;
            }
          }
        },
        sourceObjects
      };
    }
    exports.anchorIsValid = anchorIsValid;
    exports.anchorNames = anchorNames;
    exports.createNodeAnchors = createNodeAnchors;
    exports.findNewAnchor = findNewAnchor;
  }
});

// node_modules/yaml/dist/doc/applyReviver.js
var require_applyReviver = __commonJS({
  "node_modules/yaml/dist/doc/applyReviver.js"(exports) {
    "use strict";
    function applyReviver(reviver, obj, key, val) {
      if (val && typeof val === "object") {
        if (Array.isArray(val)) {
          for (let i = 0, len = val.length; i < len; ++i) {
            const v0 = val[i];
            const v1 = applyReviver(reviver, val, String(i), v0);
            if (v1 === void 0)
              delete val[i];
            else if (v1 !== v0)
              val[i] = v1;
          }
        } else if (val instanceof Map) {
          for (const k of Array.from(val.keys())) {
            const v0 = val.get(k);
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              val.delete(k);
            else if (v1 !== v0)
              val.set(k, v1);
          }
        } else if (val instanceof Set) {
          for (const v0 of Array.from(val)) {
            const v1 = applyReviver(reviver, val, v0, v0);
            if (v1 === void 0)
              val.delete(v0);
            else if (v1 !== v0) {
              val.delete(v0);
              val.add(v1);
            }
          }
        } else {
          for (const [k, v0] of Object.entries(val)) {
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              delete val[k];
            else if (v1 !== v0)
              val[k] = v1;
          }
        }
      }
      return reviver.call(obj, key, val);
    }
    exports.applyReviver = applyReviver;
  }
});

// node_modules/yaml/dist/nodes/toJS.js
var require_toJS = __commonJS({
  "node_modules/yaml/dist/nodes/toJS.js"(exports) {
    "use strict";
    var identity = require_identity();
    function toJS(value, arg, ctx) {
      if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
      if (value && typeof value.toJSON === "function") {
        if (!ctx || !identity.hasAnchor(value))
          return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: void 0 };
        ctx.anchors.set(value, data);
        ctx.onCreate = (res2) => {
          data.res = res2;
          delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
          ctx.onCreate(res);
        return res;
      }
      if (typeof value === "bigint" && !ctx?.keep)
        return Number(value);
      return value;
    }
    exports.toJS = toJS;
  }
});

// node_modules/yaml/dist/nodes/Node.js
var require_Node = __commonJS({
  "node_modules/yaml/dist/nodes/Node.js"(exports) {
    "use strict";
    var applyReviver = require_applyReviver();
    var identity = require_identity();
    var toJS = require_toJS();
    var NodeBase = class {
      constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
      }
      /** Create a copy of this node.  */
      clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** A plain JavaScript representation of this node. */
      toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
          throw new TypeError("A document argument is required");
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc,
          keep: true,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
    };
    exports.NodeBase = NodeBase;
  }
});

// node_modules/yaml/dist/nodes/Alias.js
var require_Alias = __commonJS({
  "node_modules/yaml/dist/nodes/Alias.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var visit3 = require_visit();
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var Alias = class extends Node.NodeBase {
      constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, "tag", {
          set() {
            throw new Error("Alias nodes cannot have tags");
          }
        });
      }
      /**
       * Resolve the value of this alias within `doc`, finding the last
       * instance of the `source` anchor before this node.
       */
      resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
          throw new ReferenceError("Alias resolution is disabled");
        let nodes;
        if (ctx?.aliasResolveCache) {
          nodes = ctx.aliasResolveCache;
        } else {
          nodes = [];
          visit3.visit(doc, {
            Node: (_key, node) => {
              if (identity.isAlias(node) || identity.hasAnchor(node))
                nodes.push(node);
            }
          });
          if (ctx)
            ctx.aliasResolveCache = nodes;
        }
        let found = void 0;
        for (const node of nodes) {
          if (node === this)
            break;
          if (node.anchor === this.source)
            found = node;
        }
        if (found && ctx) {
          const { anchors: anchors2, doc: doc2, maxAliasCount } = ctx;
          let data = anchors2.get(found);
          if (!data) {
            toJS.toJS(found, null, ctx);
            data = anchors2.get(found);
          }
          if (data?.res === void 0) {
            const msg = "This should not happen: Alias anchor was not resolved?";
            throw new ReferenceError(msg);
          }
          if (maxAliasCount >= 0) {
            data.count += 1;
            if (data.aliasCount === 0)
              data.aliasCount = getAliasCount(doc2, found, anchors2);
            if (data.count * data.aliasCount > maxAliasCount) {
              const msg = "Excessive alias count indicates a resource exhaustion attack";
              throw new ReferenceError(msg);
            }
          }
        }
        return found;
      }
      toJSON(_arg, ctx) {
        if (!ctx)
          return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
          const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
          throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
      }
      toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
          anchors.anchorIsValid(this.source);
          if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new Error(msg);
          }
          if (ctx.implicitKey)
            return `${src} `;
        }
        return src;
      }
    };
    function getAliasCount(doc, node, anchors2) {
      if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors2 && source && anchors2.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
      } else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
          const c = getAliasCount(doc, item, anchors2);
          if (c > count)
            count = c;
        }
        return count;
      } else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors2);
        const vc = getAliasCount(doc, node.value, anchors2);
        return Math.max(kc, vc);
      }
      return 1;
    }
    exports.Alias = Alias;
  }
});

// node_modules/yaml/dist/nodes/Scalar.js
var require_Scalar = __commonJS({
  "node_modules/yaml/dist/nodes/Scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var isScalarValue = (value) => !value || typeof value !== "function" && typeof value !== "object";
    var Scalar = class extends Node.NodeBase {
      constructor(value) {
        super(identity.SCALAR);
        this.value = value;
      }
      toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
      }
      toString() {
        return String(this.value);
      }
    };
    Scalar.BLOCK_FOLDED = "BLOCK_FOLDED";
    Scalar.BLOCK_LITERAL = "BLOCK_LITERAL";
    Scalar.PLAIN = "PLAIN";
    Scalar.QUOTE_DOUBLE = "QUOTE_DOUBLE";
    Scalar.QUOTE_SINGLE = "QUOTE_SINGLE";
    exports.Scalar = Scalar;
    exports.isScalarValue = isScalarValue;
  }
});

// node_modules/yaml/dist/doc/createNode.js
var require_createNode = __commonJS({
  "node_modules/yaml/dist/doc/createNode.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var defaultTagPrefix = "tag:yaml.org,2002:";
    function findTagObject(value, tagName, tags) {
      if (tagName) {
        const match2 = tags.filter((t) => t.tag === tagName);
        const tagObj = match2.find((t) => !t.format) ?? match2[0];
        if (!tagObj)
          throw new Error(`Tag ${tagName} not found`);
        return tagObj;
      }
      return tags.find((t) => t.identify?.(value) && !t.format);
    }
    function createNode(value, tagName, ctx) {
      if (identity.isDocument(value))
        value = value.contents;
      if (identity.isNode(value))
        return value;
      if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
      }
      if (value instanceof String || value instanceof Number || value instanceof Boolean || typeof BigInt !== "undefined" && value instanceof BigInt) {
        value = value.valueOf();
      }
      const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
      let ref = void 0;
      if (aliasDuplicateObjects && value && typeof value === "object") {
        ref = sourceObjects.get(value);
        if (ref) {
          ref.anchor ?? (ref.anchor = onAnchor(value));
          return new Alias.Alias(ref.anchor);
        } else {
          ref = { anchor: null, node: null };
          sourceObjects.set(value, ref);
        }
      }
      if (tagName?.startsWith("!!"))
        tagName = defaultTagPrefix + tagName.slice(2);
      let tagObj = findTagObject(value, tagName, schema.tags);
      if (!tagObj) {
        if (value && typeof value.toJSON === "function") {
          value = value.toJSON();
        }
        if (!value || typeof value !== "object") {
          const node2 = new Scalar.Scalar(value);
          if (ref)
            ref.node = node2;
          return node2;
        }
        tagObj = value instanceof Map ? schema[identity.MAP] : Symbol.iterator in Object(value) ? schema[identity.SEQ] : schema[identity.MAP];
      }
      if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
      }
      const node = tagObj?.createNode ? tagObj.createNode(ctx.schema, value, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value, ctx) : new Scalar.Scalar(value);
      if (tagName)
        node.tag = tagName;
      else if (!tagObj.default)
        node.tag = tagObj.tag;
      if (ref)
        ref.node = node;
      return node;
    }
    exports.createNode = createNode;
  }
});

// node_modules/yaml/dist/nodes/Collection.js
var require_Collection = __commonJS({
  "node_modules/yaml/dist/nodes/Collection.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var identity = require_identity();
    var Node = require_Node();
    function collectionFromPath(schema, path2, value) {
      let v = value;
      for (let i = path2.length - 1; i >= 0; --i) {
        const k = path2[i];
        if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
          const a = [];
          a[k] = v;
          v = a;
        } else {
          v = /* @__PURE__ */ new Map([[k, v]]);
        }
      }
      return createNode.createNode(v, void 0, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
          throw new Error("This should not happen, please report a bug.");
        },
        schema,
        sourceObjects: /* @__PURE__ */ new Map()
      });
    }
    var isEmptyPath = (path2) => path2 == null || typeof path2 === "object" && !!path2[Symbol.iterator]().next().done;
    var Collection2 = class extends Node.NodeBase {
      constructor(type, schema) {
        super(type);
        Object.defineProperty(this, "schema", {
          value: schema,
          configurable: true,
          enumerable: false,
          writable: true
        });
      }
      /**
       * Create a copy of this collection.
       *
       * @param schema - If defined, overwrites the original's schema
       */
      clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
          copy.schema = schema;
        copy.items = copy.items.map((it) => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /**
       * Adds a value to the collection. For `!!map` and `!!omap` the value must
       * be a Pair instance or a `{ key, value }` object, which may not have a key
       * that already exists in the map.
       */
      addIn(path2, value) {
        if (isEmptyPath(path2))
          this.add(value);
        else {
          const [key, ...rest] = path2;
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.addIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
      /**
       * Removes a value from the collection.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path2) {
        const [key, ...rest] = path2;
        if (rest.length === 0)
          return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
          return node.deleteIn(rest);
        else
          throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path2, keepScalar) {
        const [key, ...rest] = path2;
        const node = this.get(key, true);
        if (rest.length === 0)
          return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
          return identity.isCollection(node) ? node.getIn(rest, keepScalar) : void 0;
      }
      hasAllNullValues(allowScalar) {
        return this.items.every((node) => {
          if (!identity.isPair(node))
            return false;
          const n = node.value;
          return n == null || allowScalar && identity.isScalar(n) && n.value == null && !n.commentBefore && !n.comment && !n.tag;
        });
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       */
      hasIn(path2) {
        const [key, ...rest] = path2;
        if (rest.length === 0)
          return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path2, value) {
        const [key, ...rest] = path2;
        if (rest.length === 0) {
          this.set(key, value);
        } else {
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.setIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
    };
    exports.Collection = Collection2;
    exports.collectionFromPath = collectionFromPath;
    exports.isEmptyPath = isEmptyPath;
  }
});

// node_modules/yaml/dist/stringify/stringifyComment.js
var require_stringifyComment = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyComment.js"(exports) {
    "use strict";
    var stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, "#");
    function indentComment(comment, indent2) {
      if (/^\n+$/.test(comment))
        return comment.substring(1);
      return indent2 ? comment.replace(/^(?! *$)/gm, indent2) : comment;
    }
    var lineComment = (str, indent2, comment) => str.endsWith("\n") ? indentComment(comment, indent2) : comment.includes("\n") ? "\n" + indentComment(comment, indent2) : (str.endsWith(" ") ? "" : " ") + comment;
    exports.indentComment = indentComment;
    exports.lineComment = lineComment;
    exports.stringifyComment = stringifyComment;
  }
});

// node_modules/yaml/dist/stringify/foldFlowLines.js
var require_foldFlowLines = __commonJS({
  "node_modules/yaml/dist/stringify/foldFlowLines.js"(exports) {
    "use strict";
    var FOLD_FLOW = "flow";
    var FOLD_BLOCK = "block";
    var FOLD_QUOTED = "quoted";
    function foldFlowLines(text, indent2, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
      if (!lineWidth || lineWidth < 0)
        return text;
      if (lineWidth < minContentWidth)
        minContentWidth = 0;
      const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent2.length);
      if (text.length <= endStep)
        return text;
      const folds = [];
      const escapedFolds = {};
      let end = lineWidth - indent2.length;
      if (typeof indentAtStart === "number") {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
          folds.push(0);
        else
          end = lineWidth - indentAtStart;
      }
      let split = void 0;
      let prev = void 0;
      let overflow = false;
      let i = -1;
      let escStart = -1;
      let escEnd = -1;
      if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent2.length);
        if (i !== -1)
          end = i + endStep;
      }
      for (let ch; ch = text[i += 1]; ) {
        if (mode === FOLD_QUOTED && ch === "\\") {
          escStart = i;
          switch (text[i + 1]) {
            case "x":
              i += 3;
              break;
            case "u":
              i += 5;
              break;
            case "U":
              i += 9;
              break;
            default:
              i += 1;
          }
          escEnd = i;
        }
        if (ch === "\n") {
          if (mode === FOLD_BLOCK)
            i = consumeMoreIndentedLines(text, i, indent2.length);
          end = i + indent2.length + endStep;
          split = void 0;
        } else {
          if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
            const next = text[i + 1];
            if (next && next !== " " && next !== "\n" && next !== "	")
              split = i;
          }
          if (i >= end) {
            if (split) {
              folds.push(split);
              end = split + endStep;
              split = void 0;
            } else if (mode === FOLD_QUOTED) {
              while (prev === " " || prev === "	") {
                prev = ch;
                ch = text[i += 1];
                overflow = true;
              }
              const j = i > escEnd + 1 ? i - 2 : escStart - 1;
              if (escapedFolds[j])
                return text;
              folds.push(j);
              escapedFolds[j] = true;
              end = j + endStep;
              split = void 0;
            } else {
              overflow = true;
            }
          }
        }
        prev = ch;
      }
      if (overflow && onOverflow)
        onOverflow();
      if (folds.length === 0)
        return text;
      if (onFold)
        onFold();
      let res = text.slice(0, folds[0]);
      for (let i2 = 0; i2 < folds.length; ++i2) {
        const fold = folds[i2];
        const end2 = folds[i2 + 1] || text.length;
        if (fold === 0)
          res = `
${indent2}${text.slice(0, end2)}`;
        else {
          if (mode === FOLD_QUOTED && escapedFolds[fold])
            res += `${text[fold]}\\`;
          res += `
${indent2}${text.slice(fold + 1, end2)}`;
        }
      }
      return res;
    }
    function consumeMoreIndentedLines(text, i, indent2) {
      let end = i;
      let start = i + 1;
      let ch = text[start];
      while (ch === " " || ch === "	") {
        if (i < start + indent2) {
          ch = text[++i];
        } else {
          do {
            ch = text[++i];
          } while (ch && ch !== "\n");
          end = i;
          start = i + 1;
          ch = text[start];
        }
      }
      return end;
    }
    exports.FOLD_BLOCK = FOLD_BLOCK;
    exports.FOLD_FLOW = FOLD_FLOW;
    exports.FOLD_QUOTED = FOLD_QUOTED;
    exports.foldFlowLines = foldFlowLines;
  }
});

// node_modules/yaml/dist/stringify/stringifyString.js
var require_stringifyString = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyString.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var foldFlowLines = require_foldFlowLines();
    var getFoldOptions = (ctx, isBlock) => ({
      indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
      lineWidth: ctx.options.lineWidth,
      minContentWidth: ctx.options.minContentWidth
    });
    var containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
    function lineLengthOverLimit(str, lineWidth, indentLength) {
      if (!lineWidth || lineWidth < 0)
        return false;
      const limit = lineWidth - indentLength;
      const strLen = str.length;
      if (strLen <= limit)
        return false;
      for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === "\n") {
          if (i - start > limit)
            return true;
          start = i + 1;
          if (strLen - start <= limit)
            return false;
        }
      }
      return true;
    }
    function doubleQuotedString(value, ctx) {
      const json = JSON.stringify(value);
      if (ctx.options.doubleQuotedAsJSON)
        return json;
      const { implicitKey } = ctx;
      const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
      const indent2 = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      let str = "";
      let start = 0;
      for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === " " && json[i + 1] === "\\" && json[i + 2] === "n") {
          str += json.slice(start, i) + "\\ ";
          i += 1;
          start = i;
          ch = "\\";
        }
        if (ch === "\\")
          switch (json[i + 1]) {
            case "u":
              {
                str += json.slice(start, i);
                const code = json.substr(i + 2, 4);
                switch (code) {
                  case "0000":
                    str += "\\0";
                    break;
                  case "0007":
                    str += "\\a";
                    break;
                  case "000b":
                    str += "\\v";
                    break;
                  case "001b":
                    str += "\\e";
                    break;
                  case "0085":
                    str += "\\N";
                    break;
                  case "00a0":
                    str += "\\_";
                    break;
                  case "2028":
                    str += "\\L";
                    break;
                  case "2029":
                    str += "\\P";
                    break;
                  default:
                    if (code.substr(0, 2) === "00")
                      str += "\\x" + code.substr(2);
                    else
                      str += json.substr(i, 6);
                }
                i += 5;
                start = i + 1;
              }
              break;
            case "n":
              if (implicitKey || json[i + 2] === '"' || json.length < minMultiLineLength) {
                i += 1;
              } else {
                str += json.slice(start, i) + "\n\n";
                while (json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"') {
                  str += "\n";
                  i += 2;
                }
                str += indent2;
                if (json[i + 2] === " ")
                  str += "\\";
                i += 1;
                start = i + 1;
              }
              break;
            default:
              i += 1;
          }
      }
      str = start ? str + json.slice(start) : json;
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent2, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
    }
    function singleQuotedString(value, ctx) {
      if (ctx.options.singleQuote === false || ctx.implicitKey && value.includes("\n") || /[ \t]\n|\n[ \t]/.test(value))
        return doubleQuotedString(value, ctx);
      const indent2 = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent2}`) + "'";
      return ctx.implicitKey ? res : foldFlowLines.foldFlowLines(res, indent2, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function quotedString(value, ctx) {
      const { singleQuote } = ctx.options;
      let qs;
      if (singleQuote === false)
        qs = doubleQuotedString;
      else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
          qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
          qs = doubleQuotedString;
        else
          qs = singleQuote ? singleQuotedString : doubleQuotedString;
      }
      return qs(value, ctx);
    }
    var blockEndNewlines;
    try {
      blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
    } catch {
      blockEndNewlines = /\n+(?!\n|$)/g;
    }
    function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
      const { blockQuote, commentString, lineWidth } = ctx.options;
      if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
      }
      const indent2 = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
      const literal2 = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar.Scalar.BLOCK_FOLDED ? false : type === Scalar.Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, lineWidth, indent2.length);
      if (!value)
        return literal2 ? "|\n" : ">\n";
      let chomp;
      let endStart;
      for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== "\n" && ch !== "	" && ch !== " ")
          break;
      }
      let end = value.substring(endStart);
      const endNlPos = end.indexOf("\n");
      if (endNlPos === -1) {
        chomp = "-";
      } else if (value === end || endNlPos !== end.length - 1) {
        chomp = "+";
        if (onChompKeep)
          onChompKeep();
      } else {
        chomp = "";
      }
      if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === "\n")
          end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent2}`);
      }
      let startWithSpace = false;
      let startEnd;
      let startNlPos = -1;
      for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === " ")
          startWithSpace = true;
        else if (ch === "\n")
          startNlPos = startEnd;
        else
          break;
      }
      let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
      if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent2}`);
      }
      const indentSize = indent2 ? "2" : "1";
      let header = (startWithSpace ? indentSize : "") + chomp;
      if (comment) {
        header += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
        if (onComment)
          onComment();
      }
      if (!literal2) {
        const foldedValue = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent2}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== "folded" && type !== Scalar.Scalar.BLOCK_FOLDED) {
          foldOptions.onOverflow = () => {
            literalFallback = true;
          };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent2, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
          return `>${header}
${indent2}${body}`;
      }
      value = value.replace(/\n+/g, `$&${indent2}`);
      return `|${header}
${indent2}${start}${value}${end}`;
    }
    function plainString(item, ctx, onComment, onChompKeep) {
      const { type, value } = item;
      const { actualString, implicitKey, indent: indent2, indentStep, inFlow } = ctx;
      if (implicitKey && value.includes("\n") || inFlow && /[[\]{},]/.test(value)) {
        return quotedString(value, ctx);
      }
      if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        return implicitKey || inFlow || !value.includes("\n") ? quotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
      }
      if (!implicitKey && !inFlow && type !== Scalar.Scalar.PLAIN && value.includes("\n")) {
        return blockString(item, ctx, onComment, onChompKeep);
      }
      if (containsDocumentMarker(value)) {
        if (indent2 === "") {
          ctx.forceBlockIndent = true;
          return blockString(item, ctx, onComment, onChompKeep);
        } else if (implicitKey && indent2 === indentStep) {
          return quotedString(value, ctx);
        }
      }
      const str = value.replace(/\n+/g, `$&
${indent2}`);
      if (actualString) {
        const test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
          return quotedString(value, ctx);
      }
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent2, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function stringifyString(item, ctx, onComment, onChompKeep) {
      const { implicitKey, inFlow } = ctx;
      const ss = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
      let { type } = item;
      if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
          type = Scalar.Scalar.QUOTE_DOUBLE;
      }
      const _stringify = (_type) => {
        switch (_type) {
          case Scalar.Scalar.BLOCK_FOLDED:
          case Scalar.Scalar.BLOCK_LITERAL:
            return implicitKey || inFlow ? quotedString(ss.value, ctx) : blockString(ss, ctx, onComment, onChompKeep);
          case Scalar.Scalar.QUOTE_DOUBLE:
            return doubleQuotedString(ss.value, ctx);
          case Scalar.Scalar.QUOTE_SINGLE:
            return singleQuotedString(ss.value, ctx);
          case Scalar.Scalar.PLAIN:
            return plainString(ss, ctx, onComment, onChompKeep);
          default:
            return null;
        }
      };
      let res = _stringify(type);
      if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = implicitKey && defaultKeyType || defaultStringType;
        res = _stringify(t);
        if (res === null)
          throw new Error(`Unsupported default string type ${t}`);
      }
      return res;
    }
    exports.stringifyString = stringifyString;
  }
});

// node_modules/yaml/dist/stringify/stringify.js
var require_stringify = __commonJS({
  "node_modules/yaml/dist/stringify/stringify.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var identity = require_identity();
    var stringifyComment = require_stringifyComment();
    var stringifyString = require_stringifyString();
    function createStringifyContext(doc, options) {
      const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: "PLAIN",
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: "false",
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: "null",
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: "true",
        verifyAliasOrder: true
      }, doc.schema.toStringOptions, options);
      let inFlow;
      switch (opt.collectionStyle) {
        case "block":
          inFlow = false;
          break;
        case "flow":
          inFlow = true;
          break;
        default:
          inFlow = null;
      }
      return {
        anchors: /* @__PURE__ */ new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
        indent: "",
        indentStep: typeof opt.indent === "number" ? " ".repeat(opt.indent) : "  ",
        inFlow,
        options: opt
      };
    }
    function getTagObject(tags, item) {
      if (item.tag) {
        const match2 = tags.filter((t) => t.tag === item.tag);
        if (match2.length > 0)
          return match2.find((t) => t.format === item.format) ?? match2[0];
      }
      let tagObj = void 0;
      let obj;
      if (identity.isScalar(item)) {
        obj = item.value;
        let match2 = tags.filter((t) => t.identify?.(obj));
        if (match2.length > 1) {
          const testMatch = match2.filter((t) => t.test);
          if (testMatch.length > 0)
            match2 = testMatch;
        }
        tagObj = match2.find((t) => t.format === item.format) ?? match2.find((t) => !t.format);
      } else {
        obj = item;
        tagObj = tags.find((t) => t.nodeClass && obj instanceof t.nodeClass);
      }
      if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? "null" : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
      }
      return tagObj;
    }
    function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
      if (!doc.directives)
        return "";
      const props = [];
      const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
      if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
      }
      const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
      if (tag)
        props.push(doc.directives.tagString(tag));
      return props.join(" ");
    }
    function stringify6(item, ctx, onComment, onChompKeep) {
      if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
      if (identity.isAlias(item)) {
        if (ctx.doc.directives)
          return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
          throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        } else {
          if (ctx.resolvedAliases)
            ctx.resolvedAliases.add(item);
          else
            ctx.resolvedAliases = /* @__PURE__ */ new Set([item]);
          item = item.resolve(ctx.doc);
        }
      }
      let tagObj = void 0;
      const node = identity.isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o) => tagObj = o });
      tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
      const props = stringifyProps(node, tagObj, ctx);
      if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
      const str = typeof tagObj.stringify === "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : identity.isScalar(node) ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
      if (!props)
        return str;
      return identity.isScalar(node) || str[0] === "{" || str[0] === "[" ? `${props} ${str}` : `${props}
${ctx.indent}${str}`;
    }
    exports.createStringifyContext = createStringifyContext;
    exports.stringify = stringify6;
  }
});

// node_modules/yaml/dist/stringify/stringifyPair.js
var require_stringifyPair = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyPair.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var stringify6 = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
      const { allNullValues, doc, indent: indent2, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
      let keyComment = identity.isNode(key) && key.comment || null;
      if (simpleKeys) {
        if (keyComment) {
          throw new Error("With simple keys, key nodes cannot have comments");
        }
        if (identity.isCollection(key) || !identity.isNode(key) && typeof key === "object") {
          const msg = "With simple keys, collection cannot be used as a key value";
          throw new Error(msg);
        }
      }
      let explicitKey = !simpleKeys && (!key || keyComment && value == null && !ctx.inFlow || identity.isCollection(key) || (identity.isScalar(key) ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL : typeof key === "object"));
      ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent2 + indentStep
      });
      let keyCommentDone = false;
      let chompKeep = false;
      let str = stringify6.stringify(key, ctx, () => keyCommentDone = true, () => chompKeep = true);
      if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
          throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
        explicitKey = true;
      }
      if (ctx.inFlow) {
        if (allNullValues || value == null) {
          if (keyCommentDone && onComment)
            onComment();
          return str === "" ? "?" : explicitKey ? `? ${str}` : str;
        }
      } else if (allNullValues && !simpleKeys || value == null && explicitKey) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        } else if (chompKeep && onChompKeep)
          onChompKeep();
        return str;
      }
      if (keyCommentDone)
        keyComment = null;
      if (explicitKey) {
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}
${indent2}:`;
      } else {
        str = `${str}:`;
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
      }
      let vsb, vcb, valueComment;
      if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
      } else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === "object")
          value = doc.createNode(value);
      }
      ctx.implicitKey = false;
      if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
      chompKeep = false;
      if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && identity.isSeq(value) && !value.flow && !value.tag && !value.anchor) {
        ctx.indent = ctx.indent.substring(2);
      }
      let valueCommentDone = false;
      const valueStr = stringify6.stringify(value, ctx, () => valueCommentDone = true, () => chompKeep = true);
      let ws = " ";
      if (keyComment || vsb || vcb) {
        ws = vsb ? "\n" : "";
        if (vcb) {
          const cs = commentString(vcb);
          ws += `
${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === "" && !ctx.inFlow) {
          if (ws === "\n" && valueComment)
            ws = "\n\n";
        } else {
          ws += `
${ctx.indent}`;
        }
      } else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf("\n");
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
          let hasPropsLine = false;
          if (hasNewline && (vs0 === "&" || vs0 === "!")) {
            let sp0 = valueStr.indexOf(" ");
            if (vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!") {
              sp0 = valueStr.indexOf(" ", sp0 + 1);
            }
            if (sp0 === -1 || nl0 < sp0)
              hasPropsLine = true;
          }
          if (!hasPropsLine)
            ws = `
${ctx.indent}`;
        }
      } else if (valueStr === "" || valueStr[0] === "\n") {
        ws = "";
      }
      str += ws + valueStr;
      if (ctx.inFlow) {
        if (valueCommentDone && onComment)
          onComment();
      } else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
      } else if (chompKeep && onChompKeep) {
        onChompKeep();
      }
      return str;
    }
    exports.stringifyPair = stringifyPair;
  }
});

// node_modules/yaml/dist/log.js
var require_log = __commonJS({
  "node_modules/yaml/dist/log.js"(exports) {
    "use strict";
    var node_process = __require("process");
    function debug(logLevel, ...messages) {
      if (logLevel === "debug")
        console.log(...messages);
    }
    function warn(logLevel, warning) {
      if (logLevel === "debug" || logLevel === "warn") {
        if (typeof node_process.emitWarning === "function")
          node_process.emitWarning(warning);
        else
          console.warn(warning);
      }
    }
    exports.debug = debug;
    exports.warn = warn;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/merge.js
var require_merge = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/merge.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var MERGE_KEY = "<<";
    var merge2 = {
      identify: (value) => value === MERGE_KEY || typeof value === "symbol" && value.description === MERGE_KEY,
      default: "key",
      tag: "tag:yaml.org,2002:merge",
      test: /^<<$/,
      resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
      }),
      stringify: () => MERGE_KEY
    };
    var isMergeKey = (ctx, key) => (merge2.identify(key) || identity.isScalar(key) && (!key.type || key.type === Scalar.Scalar.PLAIN) && merge2.identify(key.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge2.tag && tag.default);
    function addMergeToJSMap(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (identity.isSeq(source))
        for (const it of source.items)
          mergeValue(ctx, map, it);
      else if (Array.isArray(source))
        for (const it of source)
          mergeValue(ctx, map, it);
      else
        mergeValue(ctx, map, source);
    }
    function mergeValue(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (!identity.isMap(source))
        throw new Error("Merge sources must be maps or map aliases");
      const srcMap = source.toJSON(null, ctx, Map);
      for (const [key, value2] of srcMap) {
        if (map instanceof Map) {
          if (!map.has(key))
            map.set(key, value2);
        } else if (map instanceof Set) {
          map.add(key);
        } else if (!Object.prototype.hasOwnProperty.call(map, key)) {
          Object.defineProperty(map, key, {
            value: value2,
            writable: true,
            enumerable: true,
            configurable: true
          });
        }
      }
      return map;
    }
    function resolveAliasValue(ctx, value) {
      return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
    }
    exports.addMergeToJSMap = addMergeToJSMap;
    exports.isMergeKey = isMergeKey;
    exports.merge = merge2;
  }
});

// node_modules/yaml/dist/nodes/addPairToJSMap.js
var require_addPairToJSMap = __commonJS({
  "node_modules/yaml/dist/nodes/addPairToJSMap.js"(exports) {
    "use strict";
    var log = require_log();
    var merge2 = require_merge();
    var stringify6 = require_stringify();
    var identity = require_identity();
    var toJS = require_toJS();
    function addPairToJSMap(ctx, map, { key, value }) {
      if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
      else if (merge2.isMergeKey(ctx, key))
        merge2.addMergeToJSMap(ctx, map, value);
      else {
        const jsKey = toJS.toJS(key, "", ctx);
        if (map instanceof Map) {
          map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        } else if (map instanceof Set) {
          map.add(jsKey);
        } else {
          const stringKey = stringifyKey(key, jsKey, ctx);
          const jsValue = toJS.toJS(value, stringKey, ctx);
          if (stringKey in map)
            Object.defineProperty(map, stringKey, {
              value: jsValue,
              writable: true,
              enumerable: true,
              configurable: true
            });
          else
            map[stringKey] = jsValue;
        }
      }
      return map;
    }
    function stringifyKey(key, jsKey, ctx) {
      if (jsKey === null)
        return "";
      if (typeof jsKey !== "object")
        return String(jsKey);
      if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify6.createStringifyContext(ctx.doc, {});
        strCtx.anchors = /* @__PURE__ */ new Set();
        for (const node of ctx.anchors.keys())
          strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
          let jsonStr = JSON.stringify(strKey);
          if (jsonStr.length > 40)
            jsonStr = jsonStr.substring(0, 36) + '..."';
          log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
          ctx.mapKeyWarned = true;
        }
        return strKey;
      }
      return JSON.stringify(jsKey);
    }
    exports.addPairToJSMap = addPairToJSMap;
  }
});

// node_modules/yaml/dist/nodes/Pair.js
var require_Pair = __commonJS({
  "node_modules/yaml/dist/nodes/Pair.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyPair = require_stringifyPair();
    var addPairToJSMap = require_addPairToJSMap();
    var identity = require_identity();
    function createPair(key, value, ctx) {
      const k = createNode.createNode(key, void 0, ctx);
      const v = createNode.createNode(value, void 0, ctx);
      return new Pair(k, v);
    }
    var Pair = class _Pair {
      constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
      }
      clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
          key = key.clone(schema);
        if (identity.isNode(value))
          value = value.clone(schema);
        return new _Pair(key, value);
      }
      toJSON(_, ctx) {
        const pair2 = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair2, this);
      }
      toString(ctx, onComment, onChompKeep) {
        return ctx?.doc ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
      }
    };
    exports.Pair = Pair;
    exports.createPair = createPair;
  }
});

// node_modules/yaml/dist/stringify/stringifyCollection.js
var require_stringifyCollection = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyCollection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify6 = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyCollection(collection, ctx, options) {
      const flow = ctx.inFlow ?? collection.flow;
      const stringify7 = flow ? stringifyFlowCollection : stringifyBlockCollection;
      return stringify7(collection, ctx, options);
    }
    function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
      const { indent: indent2, options: { commentString } } = ctx;
      const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
      let chompKeep = false;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment2 = null;
        if (identity.isNode(item)) {
          if (!chompKeep && item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
          if (item.comment)
            comment2 = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (!chompKeep && ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
          }
        }
        chompKeep = false;
        let str2 = stringify6.stringify(item, itemCtx, () => comment2 = null, () => chompKeep = true);
        if (comment2)
          str2 += stringifyComment.lineComment(str2, itemIndent, commentString(comment2));
        if (chompKeep && comment2)
          chompKeep = false;
        lines.push(blockItemPrefix + str2);
      }
      let str;
      if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
      } else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
          const line = lines[i];
          str += line ? `
${indent2}${line}` : "\n";
        }
      }
      if (comment) {
        str += "\n" + stringifyComment.indentComment(commentString(comment), indent2);
        if (onComment)
          onComment();
      } else if (chompKeep && onChompKeep)
        onChompKeep();
      return str;
    }
    function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
      const { indent: indent2, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
      itemIndent += indentStep;
      const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
      });
      let reqNewline = false;
      let linesAtValue = 0;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
          if (item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, false);
          if (item.comment)
            comment = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, false);
            if (ik.comment)
              reqNewline = true;
          }
          const iv = identity.isNode(item.value) ? item.value : null;
          if (iv) {
            if (iv.comment)
              comment = iv.comment;
            if (iv.commentBefore)
              reqNewline = true;
          } else if (item.value == null && ik?.comment) {
            comment = ik.comment;
          }
        }
        if (comment)
          reqNewline = true;
        let str = stringify6.stringify(item, itemCtx, () => comment = null);
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes("\n"));
        if (i < items.length - 1) {
          str += ",";
        } else if (ctx.options.trailingComma) {
          if (ctx.options.lineWidth > 0) {
            reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) + (str.length + 2) > ctx.options.lineWidth);
          }
          if (reqNewline) {
            str += ",";
          }
        }
        if (comment)
          str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
      }
      const { start, end } = flowChars;
      if (lines.length === 0) {
        return start + end;
      } else {
        if (!reqNewline) {
          const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
          reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
          let str = start;
          for (const line of lines)
            str += line ? `
${indentStep}${indent2}${line}` : "\n";
          return `${str}
${indent2}${end}`;
        } else {
          return `${start}${fcPadding}${lines.join(" ")}${fcPadding}${end}`;
        }
      }
    }
    function addCommentBefore({ indent: indent2, options: { commentString } }, lines, comment, chompKeep) {
      if (comment && chompKeep)
        comment = comment.replace(/^\n+/, "");
      if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent2);
        lines.push(ic.trimStart());
      }
    }
    exports.stringifyCollection = stringifyCollection;
  }
});

// node_modules/yaml/dist/nodes/YAMLMap.js
var require_YAMLMap = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLMap.js"(exports) {
    "use strict";
    var stringifyCollection = require_stringifyCollection();
    var addPairToJSMap = require_addPairToJSMap();
    var Collection2 = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    function findPair(items, key) {
      const k = identity.isScalar(key) ? key.value : key;
      for (const it of items) {
        if (identity.isPair(it)) {
          if (it.key === key || it.key === k)
            return it;
          if (identity.isScalar(it.key) && it.key.value === k)
            return it;
        }
      }
      return void 0;
    }
    var YAMLMap = class extends Collection2.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:map";
      }
      constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
      }
      /**
       * A generic collection parsing method that can be extended
       * to other node classes that inherit from YAMLMap
       */
      static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
          if (typeof replacer === "function")
            value = replacer.call(obj, key, value);
          else if (Array.isArray(replacer) && !replacer.includes(key))
            return;
          if (value !== void 0 || keepUndefined)
            map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
          for (const [key, value] of obj)
            add(key, value);
        } else if (obj && typeof obj === "object") {
          for (const key of Object.keys(obj))
            add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === "function") {
          map.items.sort(schema.sortMapEntries);
        }
        return map;
      }
      /**
       * Adds a value to the collection.
       *
       * @param overwrite - If not set `true`, using a key that is already in the
       *   collection will throw. Otherwise, overwrites the previous value.
       */
      add(pair2, overwrite) {
        let _pair;
        if (identity.isPair(pair2))
          _pair = pair2;
        else if (!pair2 || typeof pair2 !== "object" || !("key" in pair2)) {
          _pair = new Pair.Pair(pair2, pair2?.value);
        } else
          _pair = new Pair.Pair(pair2.key, pair2.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
          if (!overwrite)
            throw new Error(`Key ${_pair.key} already set`);
          if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
            prev.value.value = _pair.value;
          else
            prev.value = _pair.value;
        } else if (sortEntries) {
          const i = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
          if (i === -1)
            this.items.push(_pair);
          else
            this.items.splice(i, 0, _pair);
        } else {
          this.items.push(_pair);
        }
      }
      delete(key) {
        const it = findPair(this.items, key);
        if (!it)
          return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? void 0;
      }
      has(key) {
        return !!findPair(this.items, key);
      }
      set(key, value) {
        this.add(new Pair.Pair(key, value), true);
      }
      /**
       * @param ctx - Conversion context, originally set in Document#toJS()
       * @param {Class} Type - If set, forces the returned collection type
       * @returns Instance of Type, Map, or Object
       */
      toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const item of this.items)
          addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        for (const item of this.items) {
          if (!identity.isPair(item))
            throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
          ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "",
          flowChars: { start: "{", end: "}" },
          itemIndent: ctx.indent || "",
          onChompKeep,
          onComment
        });
      }
    };
    exports.YAMLMap = YAMLMap;
    exports.findPair = findPair;
  }
});

// node_modules/yaml/dist/schema/common/map.js
var require_map = __commonJS({
  "node_modules/yaml/dist/schema/common/map.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLMap = require_YAMLMap();
    var map = {
      collection: "map",
      default: true,
      nodeClass: YAMLMap.YAMLMap,
      tag: "tag:yaml.org,2002:map",
      resolve(map2, onError) {
        if (!identity.isMap(map2))
          onError("Expected a mapping for this tag");
        return map2;
      },
      createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
    };
    exports.map = map;
  }
});

// node_modules/yaml/dist/nodes/YAMLSeq.js
var require_YAMLSeq = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLSeq.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyCollection = require_stringifyCollection();
    var Collection2 = require_Collection();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var toJS = require_toJS();
    var YAMLSeq = class extends Collection2.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:seq";
      }
      constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
      }
      add(value) {
        this.items.push(value);
      }
      /**
       * Removes a value from the collection.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       *
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return void 0;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       */
      has(key) {
        const idx = asItemIndex(key);
        return typeof idx === "number" && idx < this.items.length;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       *
       * If `key` does not contain a representation of an integer, this will throw.
       * It may be wrapped in a `Scalar`.
       */
      set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
          prev.value = value;
        else
          this.items[idx] = value;
      }
      toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
          ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
          seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "- ",
          flowChars: { start: "[", end: "]" },
          itemIndent: (ctx.indent || "") + "  ",
          onChompKeep,
          onComment
        });
      }
      static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
          let i = 0;
          for (let it of obj) {
            if (typeof replacer === "function") {
              const key = obj instanceof Set ? it : String(i++);
              it = replacer.call(obj, key, it);
            }
            seq.items.push(createNode.createNode(it, void 0, ctx));
          }
        }
        return seq;
      }
    };
    function asItemIndex(key) {
      let idx = identity.isScalar(key) ? key.value : key;
      if (idx && typeof idx === "string")
        idx = Number(idx);
      return typeof idx === "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
    }
    exports.YAMLSeq = YAMLSeq;
  }
});

// node_modules/yaml/dist/schema/common/seq.js
var require_seq = __commonJS({
  "node_modules/yaml/dist/schema/common/seq.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLSeq = require_YAMLSeq();
    var seq = {
      collection: "seq",
      default: true,
      nodeClass: YAMLSeq.YAMLSeq,
      tag: "tag:yaml.org,2002:seq",
      resolve(seq2, onError) {
        if (!identity.isSeq(seq2))
          onError("Expected a sequence for this tag");
        return seq2;
      },
      createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
    };
    exports.seq = seq;
  }
});

// node_modules/yaml/dist/schema/common/string.js
var require_string = __commonJS({
  "node_modules/yaml/dist/schema/common/string.js"(exports) {
    "use strict";
    var stringifyString = require_stringifyString();
    var string = {
      identify: (value) => typeof value === "string",
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: (str) => str,
      stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
      }
    };
    exports.string = string;
  }
});

// node_modules/yaml/dist/schema/common/null.js
var require_null = __commonJS({
  "node_modules/yaml/dist/schema/common/null.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var nullTag = {
      identify: (value) => value == null,
      createNode: () => new Scalar.Scalar(null),
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: () => new Scalar.Scalar(null),
      stringify: ({ source }, ctx) => typeof source === "string" && nullTag.test.test(source) ? source : ctx.options.nullStr
    };
    exports.nullTag = nullTag;
  }
});

// node_modules/yaml/dist/schema/core/bool.js
var require_bool = __commonJS({
  "node_modules/yaml/dist/schema/core/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var boolTag = {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      resolve: (str) => new Scalar.Scalar(str[0] === "t" || str[0] === "T"),
      stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
          const sv = source[0] === "t" || source[0] === "T";
          if (value === sv)
            return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
      }
    };
    exports.boolTag = boolTag;
  }
});

// node_modules/yaml/dist/stringify/stringifyNumber.js
var require_stringifyNumber = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyNumber.js"(exports) {
    "use strict";
    function stringifyNumber({ format, minFractionDigits, tag, value }) {
      if (typeof value === "bigint")
        return String(value);
      const num = typeof value === "number" ? value : Number(value);
      if (!isFinite(num))
        return isNaN(num) ? ".nan" : num < 0 ? "-.inf" : ".inf";
      let n = Object.is(value, -0) ? "-0" : JSON.stringify(value);
      if (!format && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n) && !n.includes("e")) {
        let i = n.indexOf(".");
        if (i < 0) {
          i = n.length;
          n += ".";
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
          n += "0";
      }
      return n;
    }
    exports.stringifyNumber = stringifyNumber;
  }
});

// node_modules/yaml/dist/schema/core/float.js
var require_float = __commonJS({
  "node_modules/yaml/dist/schema/core/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf(".");
        if (dot !== -1 && str[str.length - 1] === "0")
          node.minFractionDigits = str.length - dot - 1;
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/core/int.js
var require_int = __commonJS({
  "node_modules/yaml/dist/schema/core/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    var intResolve = (str, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix);
    function intStringify(node, radix, prefix2) {
      const { value } = node;
      if (intIdentify(value) && value >= 0)
        return prefix2 + value.toString(radix);
      return stringifyNumber.stringifyNumber(node);
    }
    var intOct = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^0o[0-7]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
      stringify: (node) => intStringify(node, 8, "0o")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^0x[0-9a-fA-F]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/core/schema.js
var require_schema = __commonJS({
  "node_modules/yaml/dist/schema/core/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.boolTag,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/json/schema.js
var require_schema2 = __commonJS({
  "node_modules/yaml/dist/schema/json/schema.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var map = require_map();
    var seq = require_seq();
    function intIdentify(value) {
      return typeof value === "bigint" || Number.isInteger(value);
    }
    var stringifyJSON = ({ value }) => JSON.stringify(value);
    var jsonScalars = [
      {
        identify: (value) => typeof value === "string",
        default: true,
        tag: "tag:yaml.org,2002:str",
        resolve: (str) => str,
        stringify: stringifyJSON
      },
      {
        identify: (value) => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: "tag:yaml.org,2002:null",
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
      },
      {
        identify: (value) => typeof value === "boolean",
        default: true,
        tag: "tag:yaml.org,2002:bool",
        test: /^true$|^false$/,
        resolve: (str) => str === "true",
        stringify: stringifyJSON
      },
      {
        identify: intIdentify,
        default: true,
        tag: "tag:yaml.org,2002:int",
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
      },
      {
        identify: (value) => typeof value === "number",
        default: true,
        tag: "tag:yaml.org,2002:float",
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: (str) => parseFloat(str),
        stringify: stringifyJSON
      }
    ];
    var jsonError = {
      default: true,
      tag: "",
      test: /^/,
      resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
      }
    };
    var schema = [map.map, seq.seq].concat(jsonScalars, jsonError);
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/binary.js
var require_binary = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/binary.js"(exports) {
    "use strict";
    var node_buffer = __require("buffer");
    var Scalar = require_Scalar();
    var stringifyString = require_stringifyString();
    var binary = {
      identify: (value) => value instanceof Uint8Array,
      // Buffer inherits from Uint8Array
      default: false,
      tag: "tag:yaml.org,2002:binary",
      /**
       * Returns a Buffer in node and an Uint8Array in browsers
       *
       * To use the resulting buffer as an image, you'll want to do something like:
       *
       *   const blob = new Blob([buffer], { type: 'image/jpeg' })
       *   document.querySelector('#photo').src = URL.createObjectURL(blob)
       */
      resolve(src, onError) {
        if (typeof node_buffer.Buffer === "function") {
          return node_buffer.Buffer.from(src, "base64");
        } else if (typeof atob === "function") {
          const str = atob(src.replace(/[\n\r]/g, ""));
          const buffer = new Uint8Array(str.length);
          for (let i = 0; i < str.length; ++i)
            buffer[i] = str.charCodeAt(i);
          return buffer;
        } else {
          onError("This environment does not support reading binary tags; either Buffer or atob is required");
          return src;
        }
      },
      stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
          return "";
        const buf = value;
        let str;
        if (typeof node_buffer.Buffer === "function") {
          str = buf instanceof node_buffer.Buffer ? buf.toString("base64") : node_buffer.Buffer.from(buf.buffer).toString("base64");
        } else if (typeof btoa === "function") {
          let s = "";
          for (let i = 0; i < buf.length; ++i)
            s += String.fromCharCode(buf[i]);
          str = btoa(s);
        } else {
          throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
          const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
          const n = Math.ceil(str.length / lineWidth);
          const lines = new Array(n);
          for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
            lines[i] = str.substr(o, lineWidth);
          }
          str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? "\n" : " ");
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
      }
    };
    exports.binary = binary;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/pairs.js
var require_pairs = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/pairs.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLSeq = require_YAMLSeq();
    function resolvePairs(seq, onError) {
      if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
          let item = seq.items[i];
          if (identity.isPair(item))
            continue;
          else if (identity.isMap(item)) {
            if (item.items.length > 1)
              onError("Each pair must have its own sequence indicator");
            const pair2 = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
            if (item.commentBefore)
              pair2.key.commentBefore = pair2.key.commentBefore ? `${item.commentBefore}
${pair2.key.commentBefore}` : item.commentBefore;
            if (item.comment) {
              const cn = pair2.value ?? pair2.key;
              cn.comment = cn.comment ? `${item.comment}
${cn.comment}` : item.comment;
            }
            item = pair2;
          }
          seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
      } else
        onError("Expected a sequence for this tag");
      return seq;
    }
    function createPairs(schema, iterable, ctx) {
      const { replacer } = ctx;
      const pairs2 = new YAMLSeq.YAMLSeq(schema);
      pairs2.tag = "tag:yaml.org,2002:pairs";
      let i = 0;
      if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
          if (typeof replacer === "function")
            it = replacer.call(iterable, String(i++), it);
          let key, value;
          if (Array.isArray(it)) {
            if (it.length === 2) {
              key = it[0];
              value = it[1];
            } else
              throw new TypeError(`Expected [key, value] tuple: ${it}`);
          } else if (it && it instanceof Object) {
            const keys = Object.keys(it);
            if (keys.length === 1) {
              key = keys[0];
              value = it[key];
            } else {
              throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
            }
          } else {
            key = it;
          }
          pairs2.items.push(Pair.createPair(key, value, ctx));
        }
      return pairs2;
    }
    var pairs = {
      collection: "seq",
      default: false,
      tag: "tag:yaml.org,2002:pairs",
      resolve: resolvePairs,
      createNode: createPairs
    };
    exports.createPairs = createPairs;
    exports.pairs = pairs;
    exports.resolvePairs = resolvePairs;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/omap.js
var require_omap = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/omap.js"(exports) {
    "use strict";
    var identity = require_identity();
    var toJS = require_toJS();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var pairs = require_pairs();
    var YAMLOMap = class _YAMLOMap extends YAMLSeq.YAMLSeq {
      constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = _YAMLOMap.tag;
      }
      /**
       * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
       * but TypeScript won't allow widening the signature of a child method.
       */
      toJSON(_, ctx) {
        if (!ctx)
          return super.toJSON(_);
        const map = /* @__PURE__ */ new Map();
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const pair2 of this.items) {
          let key, value;
          if (identity.isPair(pair2)) {
            key = toJS.toJS(pair2.key, "", ctx);
            value = toJS.toJS(pair2.value, key, ctx);
          } else {
            key = toJS.toJS(pair2, "", ctx);
          }
          if (map.has(key))
            throw new Error("Ordered maps must not include duplicate keys");
          map.set(key, value);
        }
        return map;
      }
      static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap2 = new this();
        omap2.items = pairs$1.items;
        return omap2;
      }
    };
    YAMLOMap.tag = "tag:yaml.org,2002:omap";
    var omap = {
      collection: "seq",
      identify: (value) => value instanceof Map,
      nodeClass: YAMLOMap,
      default: false,
      tag: "tag:yaml.org,2002:omap",
      resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
          if (identity.isScalar(key)) {
            if (seenKeys.includes(key.value)) {
              onError(`Ordered maps must not include duplicate keys: ${key.value}`);
            } else {
              seenKeys.push(key.value);
            }
          }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
      },
      createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
    };
    exports.YAMLOMap = YAMLOMap;
    exports.omap = omap;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/bool.js
var require_bool2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function boolStringify({ value, source }, ctx) {
      const boolObj = value ? trueTag : falseTag;
      if (source && boolObj.test.test(source))
        return source;
      return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
    var trueTag = {
      identify: (value) => value === true,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
      resolve: () => new Scalar.Scalar(true),
      stringify: boolStringify
    };
    var falseTag = {
      identify: (value) => value === false,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
      resolve: () => new Scalar.Scalar(false),
      stringify: boolStringify
    };
    exports.falseTag = falseTag;
    exports.trueTag = trueTag;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/float.js
var require_float2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str.replace(/_/g, "")),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, "")));
        const dot = str.indexOf(".");
        if (dot !== -1) {
          const f = str.substring(dot + 1).replace(/_/g, "");
          if (f[f.length - 1] === "0")
            node.minFractionDigits = f.length;
        }
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/int.js
var require_int2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    function intResolve(str, offset, radix, { intAsBigInt }) {
      const sign = str[0];
      if (sign === "-" || sign === "+")
        offset += 1;
      str = str.substring(offset).replace(/_/g, "");
      if (intAsBigInt) {
        switch (radix) {
          case 2:
            str = `0b${str}`;
            break;
          case 8:
            str = `0o${str}`;
            break;
          case 16:
            str = `0x${str}`;
            break;
        }
        const n2 = BigInt(str);
        return sign === "-" ? BigInt(-1) * n2 : n2;
      }
      const n = parseInt(str, radix);
      return sign === "-" ? -1 * n : n;
    }
    function intStringify(node, radix, prefix2) {
      const { value } = node;
      if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? "-" + prefix2 + str.substr(1) : prefix2 + str;
      }
      return stringifyNumber.stringifyNumber(node);
    }
    var intBin = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "BIN",
      test: /^[-+]?0b[0-1_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
      stringify: (node) => intStringify(node, 2, "0b")
    };
    var intOct = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^[-+]?0[0-7_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
      stringify: (node) => intStringify(node, 8, "0")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9][0-9_]*$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^[-+]?0x[0-9a-fA-F_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intBin = intBin;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/set.js
var require_set = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/set.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSet = class _YAMLSet extends YAMLMap.YAMLMap {
      constructor(schema) {
        super(schema);
        this.tag = _YAMLSet.tag;
      }
      add(key) {
        let pair2;
        if (identity.isPair(key))
          pair2 = key;
        else if (key && typeof key === "object" && "key" in key && "value" in key && key.value === null)
          pair2 = new Pair.Pair(key.key, null);
        else
          pair2 = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair2.key);
        if (!prev)
          this.items.push(pair2);
      }
      /**
       * If `keepPair` is `true`, returns the Pair matching `key`.
       * Otherwise, returns the value of that Pair's key.
       */
      get(key, keepPair) {
        const pair2 = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair2) ? identity.isScalar(pair2.key) ? pair2.key.value : pair2.key : pair2;
      }
      set(key, value) {
        if (typeof value !== "boolean")
          throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
          this.items.splice(this.items.indexOf(prev), 1);
        } else if (!prev && value) {
          this.items.push(new Pair.Pair(key));
        }
      }
      toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        if (this.hasAllNullValues(true))
          return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
          throw new Error("Set items must all have null values");
      }
      static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set2 = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
          for (let value of iterable) {
            if (typeof replacer === "function")
              value = replacer.call(iterable, value, value);
            set2.items.push(Pair.createPair(value, null, ctx));
          }
        return set2;
      }
    };
    YAMLSet.tag = "tag:yaml.org,2002:set";
    var set = {
      collection: "map",
      identify: (value) => value instanceof Set,
      nodeClass: YAMLSet,
      default: false,
      tag: "tag:yaml.org,2002:set",
      createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
      resolve(map, onError) {
        if (identity.isMap(map)) {
          if (map.hasAllNullValues(true))
            return Object.assign(new YAMLSet(), map);
          else
            onError("Set items must all have null values");
        } else
          onError("Expected a mapping for this tag");
        return map;
      }
    };
    exports.YAMLSet = YAMLSet;
    exports.set = set;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/timestamp.js
var require_timestamp = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/timestamp.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    function parseSexagesimal(str, asBigInt) {
      const sign = str[0];
      const parts = sign === "-" || sign === "+" ? str.substring(1) : str;
      const num = (n) => asBigInt ? BigInt(n) : Number(n);
      const res = parts.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num(60) + num(p), num(0));
      return sign === "-" ? num(-1) * res : res;
    }
    function stringifySexagesimal(node) {
      let { value } = node;
      let num = (n) => n;
      if (typeof value === "bigint")
        num = (n) => BigInt(n);
      else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
      let sign = "";
      if (value < 0) {
        sign = "-";
        value *= num(-1);
      }
      const _60 = num(60);
      const parts = [value % _60];
      if (value < 60) {
        parts.unshift(0);
      } else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60);
        if (value >= 60) {
          value = (value - parts[0]) / _60;
          parts.unshift(value);
        }
      }
      return sign + parts.map((n) => String(n).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
    }
    var intTime = {
      identify: (value) => typeof value === "bigint" || Number.isInteger(value),
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
      resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
      stringify: stringifySexagesimal
    };
    var floatTime = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
      resolve: (str) => parseSexagesimal(str, false),
      stringify: stringifySexagesimal
    };
    var timestamp = {
      identify: (value) => value instanceof Date,
      default: true,
      tag: "tag:yaml.org,2002:timestamp",
      // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
      // may be omitted altogether, resulting in a date format. In such a case, the time part is
      // assumed to be 00:00:00Z (start of day, UTC).
      test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
      resolve(str) {
        const match2 = str.match(timestamp.test);
        if (!match2)
          throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
        const [, year, month, day, hour, minute, second] = match2.map(Number);
        const millisec = match2[7] ? Number((match2[7] + "00").substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match2[8];
        if (tz && tz !== "Z") {
          let d = parseSexagesimal(tz, false);
          if (Math.abs(d) < 30)
            d *= 60;
          date -= 6e4 * d;
        }
        return new Date(date);
      },
      stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
    };
    exports.floatTime = floatTime;
    exports.intTime = intTime;
    exports.timestamp = timestamp;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/schema.js
var require_schema3 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var binary = require_binary();
    var bool = require_bool2();
    var float = require_float2();
    var int = require_int2();
    var merge2 = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var set = require_set();
    var timestamp = require_timestamp();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.trueTag,
      bool.falseTag,
      int.intBin,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float,
      binary.binary,
      merge2.merge,
      omap.omap,
      pairs.pairs,
      set.set,
      timestamp.intTime,
      timestamp.floatTime,
      timestamp.timestamp
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/tags.js
var require_tags = __commonJS({
  "node_modules/yaml/dist/schema/tags.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = require_schema();
    var schema$1 = require_schema2();
    var binary = require_binary();
    var merge2 = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var schema$2 = require_schema3();
    var set = require_set();
    var timestamp = require_timestamp();
    var schemas = /* @__PURE__ */ new Map([
      ["core", schema.schema],
      ["failsafe", [map.map, seq.seq, string.string]],
      ["json", schema$1.schema],
      ["yaml11", schema$2.schema],
      ["yaml-1.1", schema$2.schema]
    ]);
    var tagsByName = {
      binary: binary.binary,
      bool: bool.boolTag,
      float: float.float,
      floatExp: float.floatExp,
      floatNaN: float.floatNaN,
      floatTime: timestamp.floatTime,
      int: int.int,
      intHex: int.intHex,
      intOct: int.intOct,
      intTime: timestamp.intTime,
      map: map.map,
      merge: merge2.merge,
      null: _null.nullTag,
      omap: omap.omap,
      pairs: pairs.pairs,
      seq: seq.seq,
      set: set.set,
      timestamp: timestamp.timestamp
    };
    var coreKnownTags = {
      "tag:yaml.org,2002:binary": binary.binary,
      "tag:yaml.org,2002:merge": merge2.merge,
      "tag:yaml.org,2002:omap": omap.omap,
      "tag:yaml.org,2002:pairs": pairs.pairs,
      "tag:yaml.org,2002:set": set.set,
      "tag:yaml.org,2002:timestamp": timestamp.timestamp
    };
    function getTags(customTags, schemaName, addMergeTag) {
      const schemaTags = schemas.get(schemaName);
      if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge2.merge) ? schemaTags.concat(merge2.merge) : schemaTags.slice();
      }
      let tags = schemaTags;
      if (!tags) {
        if (Array.isArray(customTags))
          tags = [];
        else {
          const keys = Array.from(schemas.keys()).filter((key) => key !== "yaml11").map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
      }
      if (Array.isArray(customTags)) {
        for (const tag of customTags)
          tags = tags.concat(tag);
      } else if (typeof customTags === "function") {
        tags = customTags(tags.slice());
      }
      if (addMergeTag)
        tags = tags.concat(merge2.merge);
      return tags.reduce((tags2, tag) => {
        const tagObj = typeof tag === "string" ? tagsByName[tag] : tag;
        if (!tagObj) {
          const tagName = JSON.stringify(tag);
          const keys = Object.keys(tagsByName).map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags2.includes(tagObj))
          tags2.push(tagObj);
        return tags2;
      }, []);
    }
    exports.coreKnownTags = coreKnownTags;
    exports.getTags = getTags;
  }
});

// node_modules/yaml/dist/schema/Schema.js
var require_Schema = __commonJS({
  "node_modules/yaml/dist/schema/Schema.js"(exports) {
    "use strict";
    var identity = require_identity();
    var map = require_map();
    var seq = require_seq();
    var string = require_string();
    var tags = require_tags();
    var sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    var Schema3 = class _Schema {
      constructor({ compat, customTags, merge: merge2, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat) ? tags.getTags(compat, "compat") : compat ? tags.getTags(null, compat) : null;
        this.name = typeof schema === "string" && schema || "core";
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge2);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        this.sortMapEntries = typeof sortMapEntries === "function" ? sortMapEntries : sortMapEntries === true ? sortMapEntriesByKey : null;
      }
      clone() {
        const copy = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
      }
    };
    exports.Schema = Schema3;
  }
});

// node_modules/yaml/dist/stringify/stringifyDocument.js
var require_stringifyDocument = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyDocument.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify6 = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyDocument(doc, options) {
      const lines = [];
      let hasDirectives = options.directives === true;
      if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
          lines.push(dir);
          hasDirectives = true;
        } else if (doc.directives.docStart)
          hasDirectives = true;
      }
      if (hasDirectives)
        lines.push("---");
      const ctx = stringify6.createStringifyContext(doc, options);
      const { commentString } = ctx.options;
      if (doc.commentBefore) {
        if (lines.length !== 1)
          lines.unshift("");
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ""));
      }
      let chompKeep = false;
      let contentComment = null;
      if (doc.contents) {
        if (identity.isNode(doc.contents)) {
          if (doc.contents.spaceBefore && hasDirectives)
            lines.push("");
          if (doc.contents.commentBefore) {
            const cs = commentString(doc.contents.commentBefore);
            lines.push(stringifyComment.indentComment(cs, ""));
          }
          ctx.forceBlockIndent = !!doc.comment;
          contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
        let body = stringify6.stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
        if (contentComment)
          body += stringifyComment.lineComment(body, "", commentString(contentComment));
        if ((body[0] === "|" || body[0] === ">") && lines[lines.length - 1] === "---") {
          lines[lines.length - 1] = `--- ${body}`;
        } else
          lines.push(body);
      } else {
        lines.push(stringify6.stringify(doc.contents, ctx));
      }
      if (doc.directives?.docEnd) {
        if (doc.comment) {
          const cs = commentString(doc.comment);
          if (cs.includes("\n")) {
            lines.push("...");
            lines.push(stringifyComment.indentComment(cs, ""));
          } else {
            lines.push(`... ${cs}`);
          }
        } else {
          lines.push("...");
        }
      } else {
        let dc = doc.comment;
        if (dc && chompKeep)
          dc = dc.replace(/^\n+/, "");
        if (dc) {
          if ((!chompKeep || contentComment) && lines[lines.length - 1] !== "")
            lines.push("");
          lines.push(stringifyComment.indentComment(commentString(dc), ""));
        }
      }
      return lines.join("\n") + "\n";
    }
    exports.stringifyDocument = stringifyDocument;
  }
});

// node_modules/yaml/dist/doc/Document.js
var require_Document = __commonJS({
  "node_modules/yaml/dist/doc/Document.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var Collection2 = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var toJS = require_toJS();
    var Schema3 = require_Schema();
    var stringifyDocument = require_stringifyDocument();
    var anchors = require_anchors();
    var applyReviver = require_applyReviver();
    var createNode = require_createNode();
    var directives = require_directives();
    var Document = class _Document {
      constructor(value, replacer, options) {
        this.commentBefore = null;
        this.comment = null;
        this.errors = [];
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === "function" || Array.isArray(replacer)) {
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const opt = Object.assign({
          intAsBigInt: false,
          keepSourceTokens: false,
          logLevel: "warn",
          prettyErrors: true,
          strict: true,
          stringKeys: false,
          uniqueKeys: true,
          version: "1.2"
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
          this.directives = options._directives.atDocument();
          if (this.directives.yaml.explicit)
            version = this.directives.yaml.version;
        } else
          this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        this.contents = value === void 0 ? null : this.createNode(value, _replacer, options);
      }
      /**
       * Create a deep copy of this Document and its contents.
       *
       * Custom Node values that inherit from `Object` still refer to their original instances.
       */
      clone() {
        const copy = Object.create(_Document.prototype, {
          [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
          copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        copy.contents = identity.isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents;
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** Adds a value to the document. */
      add(value) {
        if (assertCollection(this.contents))
          this.contents.add(value);
      }
      /** Adds a value to the document. */
      addIn(path2, value) {
        if (assertCollection(this.contents))
          this.contents.addIn(path2, value);
      }
      /**
       * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
       *
       * If `node` already has an anchor, `name` is ignored.
       * Otherwise, the `node.anchor` value will be set to `name`,
       * or if an anchor with that name is already present in the document,
       * `name` will be used as a prefix for a new unique anchor.
       * If `name` is undefined, the generated anchor will use 'a' as a prefix.
       */
      createAlias(node, name) {
        if (!node.anchor) {
          const prev = anchors.anchorNames(this);
          node.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          !name || prev.has(name) ? anchors.findNewAnchor(name || "a", prev) : name;
        }
        return new Alias.Alias(node.anchor);
      }
      createNode(value, replacer, options) {
        let _replacer = void 0;
        if (typeof replacer === "function") {
          value = replacer.call({ "": value }, "", value);
          _replacer = replacer;
        } else if (Array.isArray(replacer)) {
          const keyToStr = (v) => typeof v === "number" || v instanceof String || v instanceof Number;
          const asStr = replacer.filter(keyToStr).map(String);
          if (asStr.length > 0)
            replacer = replacer.concat(asStr);
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(
          this,
          // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          anchorPrefix || "a"
        );
        const ctx = {
          aliasDuplicateObjects: aliasDuplicateObjects ?? true,
          keepUndefined: keepUndefined ?? false,
          onAnchor,
          onTagObj,
          replacer: _replacer,
          schema: this.schema,
          sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
          node.flow = true;
        setAnchors();
        return node;
      }
      /**
       * Convert a key and a value into a `Pair` using the current schema,
       * recursively wrapping all values as `Scalar` or `Collection` nodes.
       */
      createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path2) {
        if (Collection2.isEmptyPath(path2)) {
          if (this.contents == null)
            return false;
          this.contents = null;
          return true;
        }
        return assertCollection(this.contents) ? this.contents.deleteIn(path2) : false;
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      get(key, keepScalar) {
        return identity.isCollection(this.contents) ? this.contents.get(key, keepScalar) : void 0;
      }
      /**
       * Returns item at `path`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path2, keepScalar) {
        if (Collection2.isEmptyPath(path2))
          return !keepScalar && identity.isScalar(this.contents) ? this.contents.value : this.contents;
        return identity.isCollection(this.contents) ? this.contents.getIn(path2, keepScalar) : void 0;
      }
      /**
       * Checks if the document includes a value with the key `key`.
       */
      has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
      }
      /**
       * Checks if the document includes a value at `path`.
       */
      hasIn(path2) {
        if (Collection2.isEmptyPath(path2))
          return this.contents !== void 0;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path2) : false;
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      set(key, value) {
        if (this.contents == null) {
          this.contents = Collection2.collectionFromPath(this.schema, [key], value);
        } else if (assertCollection(this.contents)) {
          this.contents.set(key, value);
        }
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path2, value) {
        if (Collection2.isEmptyPath(path2)) {
          this.contents = value;
        } else if (this.contents == null) {
          this.contents = Collection2.collectionFromPath(this.schema, Array.from(path2), value);
        } else if (assertCollection(this.contents)) {
          this.contents.setIn(path2, value);
        }
      }
      /**
       * Change the YAML version and schema used by the document.
       * A `null` version disables support for directives, explicit tags, anchors, and aliases.
       * It also requires the `schema` option to be given as a `Schema` instance value.
       *
       * Overrides all previously set schema options.
       */
      setSchema(version, options = {}) {
        if (typeof version === "number")
          version = String(version);
        let opt;
        switch (version) {
          case "1.1":
            if (this.directives)
              this.directives.yaml.version = "1.1";
            else
              this.directives = new directives.Directives({ version: "1.1" });
            opt = { resolveKnownTags: false, schema: "yaml-1.1" };
            break;
          case "1.2":
          case "next":
            if (this.directives)
              this.directives.yaml.version = version;
            else
              this.directives = new directives.Directives({ version });
            opt = { resolveKnownTags: true, schema: "core" };
            break;
          case null:
            if (this.directives)
              delete this.directives;
            opt = null;
            break;
          default: {
            const sv = JSON.stringify(version);
            throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
          }
        }
        if (options.schema instanceof Object)
          this.schema = options.schema;
        else if (opt)
          this.schema = new Schema3.Schema(Object.assign(opt, options));
        else
          throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
      }
      // json & jsonArg are only used from toJSON()
      toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc: this,
          keep: !json,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
      /**
       * A JSON representation of the document `contents`.
       *
       * @param jsonArg Used by `JSON.stringify` to indicate the array index or
       *   property name.
       */
      toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
      }
      /** A YAML representation of the document. */
      toString(options = {}) {
        if (this.errors.length > 0)
          throw new Error("Document with errors cannot be stringified");
        if ("indent" in options && (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
          const s = JSON.stringify(options.indent);
          throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
      }
    };
    function assertCollection(contents) {
      if (identity.isCollection(contents))
        return true;
      throw new Error("Expected a YAML collection as document contents");
    }
    exports.Document = Document;
  }
});

// node_modules/yaml/dist/errors.js
var require_errors = __commonJS({
  "node_modules/yaml/dist/errors.js"(exports) {
    "use strict";
    var YAMLError = class extends Error {
      constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
      }
    };
    var YAMLParseError = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLParseError", pos, code, message);
      }
    };
    var YAMLWarning = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLWarning", pos, code, message);
      }
    };
    var prettifyError = (src, lc) => (error) => {
      if (error.pos[0] === -1)
        return;
      error.linePos = error.pos.map((pos) => lc.linePos(pos));
      const { line, col } = error.linePos[0];
      error.message += ` at line ${line}, column ${col}`;
      let ci = col - 1;
      let lineStr = src.substring(lc.lineStarts[line - 1], lc.lineStarts[line]).replace(/[\n\r]+$/, "");
      if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = "\u2026" + lineStr.substring(trimStart);
        ci -= trimStart - 1;
      }
      if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + "\u2026";
      if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
          prev = prev.substring(0, 79) + "\u2026\n";
        lineStr = prev + lineStr;
      }
      if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
          count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = " ".repeat(ci) + "^".repeat(count);
        error.message += `:

${lineStr}
${pointer}
`;
      }
    };
    exports.YAMLError = YAMLError;
    exports.YAMLParseError = YAMLParseError;
    exports.YAMLWarning = YAMLWarning;
    exports.prettifyError = prettifyError;
  }
});

// node_modules/yaml/dist/compose/resolve-props.js
var require_resolve_props = __commonJS({
  "node_modules/yaml/dist/compose/resolve-props.js"(exports) {
    "use strict";
    function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
      let spaceBefore = false;
      let atNewline = startOnNewline;
      let hasSpace = startOnNewline;
      let comment = "";
      let commentSep = "";
      let hasNewline = false;
      let reqSpace = false;
      let tab = null;
      let anchor = null;
      let tag = null;
      let newlineAfterProp = null;
      let comma = null;
      let found = null;
      let start = null;
      for (const token of tokens) {
        if (reqSpace) {
          if (token.type !== "space" && token.type !== "newline" && token.type !== "comma")
            onError(token.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
          reqSpace = false;
        }
        if (tab) {
          if (atNewline && token.type !== "comment" && token.type !== "newline") {
            onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
          }
          tab = null;
        }
        switch (token.type) {
          case "space":
            if (!flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token.source.includes("	")) {
              tab = token;
            }
            hasSpace = true;
            break;
          case "comment": {
            if (!hasSpace)
              onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
            const cb = token.source.substring(1) || " ";
            if (!comment)
              comment = cb;
            else
              comment += commentSep + cb;
            commentSep = "";
            atNewline = false;
            break;
          }
          case "newline":
            if (atNewline) {
              if (comment)
                comment += token.source;
              else if (!found || indicator !== "seq-item-ind")
                spaceBefore = true;
            } else
              commentSep += token.source;
            atNewline = true;
            hasNewline = true;
            if (anchor || tag)
              newlineAfterProp = token;
            hasSpace = true;
            break;
          case "anchor":
            if (anchor)
              onError(token, "MULTIPLE_ANCHORS", "A node can have at most one anchor");
            if (token.source.endsWith(":"))
              onError(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", true);
            anchor = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          case "tag": {
            if (tag)
              onError(token, "MULTIPLE_TAGS", "A node can have at most one tag");
            tag = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          }
          case indicator:
            if (anchor || tag)
              onError(token, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`);
            if (found)
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`);
            found = token;
            atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind";
            hasSpace = false;
            break;
          case "comma":
            if (flow) {
              if (comma)
                onError(token, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`);
              comma = token;
              atNewline = false;
              hasSpace = false;
              break;
            }
          // else fallthrough
          default:
            onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`);
            atNewline = false;
            hasSpace = false;
        }
      }
      const last = tokens[tokens.length - 1];
      const end = last ? last.offset + last.source.length : offset;
      if (reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "")) {
        onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
      }
      if (tab && (atNewline && tab.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq"))
        onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
      return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
      };
    }
    exports.resolveProps = resolveProps;
  }
});

// node_modules/yaml/dist/compose/util-contains-newline.js
var require_util_contains_newline = __commonJS({
  "node_modules/yaml/dist/compose/util-contains-newline.js"(exports) {
    "use strict";
    function containsNewline(key) {
      if (!key)
        return null;
      switch (key.type) {
        case "alias":
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          if (key.source.includes("\n"))
            return true;
          if (key.end) {
            for (const st of key.end)
              if (st.type === "newline")
                return true;
          }
          return false;
        case "flow-collection":
          for (const it of key.items) {
            for (const st of it.start)
              if (st.type === "newline")
                return true;
            if (it.sep) {
              for (const st of it.sep)
                if (st.type === "newline")
                  return true;
            }
            if (containsNewline(it.key) || containsNewline(it.value))
              return true;
          }
          return false;
        default:
          return true;
      }
    }
    exports.containsNewline = containsNewline;
  }
});

// node_modules/yaml/dist/compose/util-flow-indent-check.js
var require_util_flow_indent_check = __commonJS({
  "node_modules/yaml/dist/compose/util-flow-indent-check.js"(exports) {
    "use strict";
    var utilContainsNewline = require_util_contains_newline();
    function flowIndentCheck(indent2, fc, onError) {
      if (fc?.type === "flow-collection") {
        const end = fc.end[0];
        if (end.indent === indent2 && (end.source === "]" || end.source === "}") && utilContainsNewline.containsNewline(fc)) {
          const msg = "Flow end indicator should be more indented than parent";
          onError(end, "BAD_INDENT", msg, true);
        }
      }
    }
    exports.flowIndentCheck = flowIndentCheck;
  }
});

// node_modules/yaml/dist/compose/util-map-includes.js
var require_util_map_includes = __commonJS({
  "node_modules/yaml/dist/compose/util-map-includes.js"(exports) {
    "use strict";
    var identity = require_identity();
    function mapIncludes(ctx, items, search) {
      const { uniqueKeys } = ctx.options;
      if (uniqueKeys === false)
        return false;
      const isEqual = typeof uniqueKeys === "function" ? uniqueKeys : (a, b) => a === b || identity.isScalar(a) && identity.isScalar(b) && a.value === b.value;
      return items.some((pair2) => isEqual(pair2.key, search));
    }
    exports.mapIncludes = mapIncludes;
  }
});

// node_modules/yaml/dist/compose/resolve-block-map.js
var require_resolve_block_map = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-map.js"(exports) {
    "use strict";
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    var utilMapIncludes = require_util_map_includes();
    var startColMsg = "All mapping items must start at the same column";
    function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
      const map = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      let offset = bm.offset;
      let commentEnd = null;
      for (const collItem of bm.items) {
        const { start, key, sep: sep5, value } = collItem;
        const keyProps = resolveProps.resolveProps(start, {
          indicator: "explicit-key-ind",
          next: key ?? sep5?.[0],
          offset,
          onError,
          parentIndent: bm.indent,
          startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
          if (key) {
            if (key.type === "block-seq")
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
            else if ("indent" in key && key.indent !== bm.indent)
              onError(offset, "BAD_INDENT", startColMsg);
          }
          if (!keyProps.anchor && !keyProps.tag && !sep5) {
            commentEnd = keyProps.end;
            if (keyProps.comment) {
              if (map.comment)
                map.comment += "\n" + keyProps.comment;
              else
                map.comment = keyProps.comment;
            }
            continue;
          }
          if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
            onError(key ?? start[start.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
          }
        } else if (keyProps.found?.indent !== bm.indent) {
          onError(offset, "BAD_INDENT", startColMsg);
        }
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key ? composeNode(ctx, key, keyProps, onError) : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        const valueProps = resolveProps.resolveProps(sep5 ?? [], {
          indicator: "map-value-ind",
          next: value,
          offset: keyNode.range[2],
          onError,
          parentIndent: bm.indent,
          startOnNewline: !key || key.type === "block-scalar"
        });
        offset = valueProps.end;
        if (valueProps.found) {
          if (implicitKey) {
            if (value?.type === "block-map" && !valueProps.hasNewline)
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
            if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024)
              onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : composeEmptyNode(ctx, offset, sep5, null, valueProps, onError);
          if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
          offset = valueNode.range[2];
          const pair2 = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair2.srcToken = collItem;
          map.items.push(pair2);
        } else {
          if (implicitKey)
            onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values");
          if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair2 = new Pair.Pair(keyNode);
          if (ctx.options.keepSourceTokens)
            pair2.srcToken = collItem;
          map.items.push(pair2);
        }
      }
      if (commentEnd && commentEnd < offset)
        onError(commentEnd, "IMPOSSIBLE", "Map comment with trailing content");
      map.range = [bm.offset, offset, commentEnd ?? offset];
      return map;
    }
    exports.resolveBlockMap = resolveBlockMap;
  }
});

// node_modules/yaml/dist/compose/resolve-block-seq.js
var require_resolve_block_seq = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-seq.js"(exports) {
    "use strict";
    var YAMLSeq = require_YAMLSeq();
    var resolveProps = require_resolve_props();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
      const seq = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = bs.offset;
      let commentEnd = null;
      for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
          indicator: "seq-item-ind",
          next: value,
          offset,
          onError,
          parentIndent: bs.indent,
          startOnNewline: true
        });
        if (!props.found) {
          if (props.anchor || props.tag || value) {
            if (value?.type === "block-seq")
              onError(props.end, "BAD_INDENT", "All sequence items must start at the same column");
            else
              onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
          } else {
            commentEnd = props.end;
            if (props.comment)
              seq.comment = props.comment;
            continue;
          }
        }
        const node = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
      }
      seq.range = [bs.offset, offset, commentEnd ?? offset];
      return seq;
    }
    exports.resolveBlockSeq = resolveBlockSeq;
  }
});

// node_modules/yaml/dist/compose/resolve-end.js
var require_resolve_end = __commonJS({
  "node_modules/yaml/dist/compose/resolve-end.js"(exports) {
    "use strict";
    function resolveEnd(end, offset, reqSpace, onError) {
      let comment = "";
      if (end) {
        let hasSpace = false;
        let sep5 = "";
        for (const token of end) {
          const { source, type } = token;
          switch (type) {
            case "space":
              hasSpace = true;
              break;
            case "comment": {
              if (reqSpace && !hasSpace)
                onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
              const cb = source.substring(1) || " ";
              if (!comment)
                comment = cb;
              else
                comment += sep5 + cb;
              sep5 = "";
              break;
            }
            case "newline":
              if (comment)
                sep5 += source;
              hasSpace = true;
              break;
            default:
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
          }
          offset += source.length;
        }
      }
      return { comment, offset };
    }
    exports.resolveEnd = resolveEnd;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-collection.js
var require_resolve_flow_collection = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilMapIncludes = require_util_map_includes();
    var blockMsg = "Block collections are not allowed within flow collections";
    var isBlock = (token) => token && (token.type === "block-map" || token.type === "block-seq");
    function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
      const isMap6 = fc.start.source === "{";
      const fcName = isMap6 ? "flow map" : "flow sequence";
      const NodeClass = tag?.nodeClass ?? (isMap6 ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq);
      const coll = new NodeClass(ctx.schema);
      coll.flow = true;
      const atRoot = ctx.atRoot;
      if (atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = fc.offset + fc.start.source.length;
      for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep: sep5, value } = collItem;
        const props = resolveProps.resolveProps(start, {
          flow: fcName,
          indicator: "explicit-key-ind",
          next: key ?? sep5?.[0],
          offset,
          onError,
          parentIndent: fc.indent,
          startOnNewline: false
        });
        if (!props.found) {
          if (!props.anchor && !props.tag && !sep5 && !value) {
            if (i === 0 && props.comma)
              onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
            else if (i < fc.items.length - 1)
              onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`);
            if (props.comment) {
              if (coll.comment)
                coll.comment += "\n" + props.comment;
              else
                coll.comment = props.comment;
            }
            offset = props.end;
            continue;
          }
          if (!isMap6 && ctx.options.strict && utilContainsNewline.containsNewline(key))
            onError(
              key,
              // checked by containsNewline()
              "MULTILINE_IMPLICIT_KEY",
              "Implicit keys of flow sequence pairs need to be on a single line"
            );
        }
        if (i === 0) {
          if (props.comma)
            onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        } else {
          if (!props.comma)
            onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
          if (props.comment) {
            let prevItemComment = "";
            loop: for (const st of start) {
              switch (st.type) {
                case "comma":
                case "space":
                  break;
                case "comment":
                  prevItemComment = st.source.substring(1);
                  break loop;
                default:
                  break loop;
              }
            }
            if (prevItemComment) {
              let prev = coll.items[coll.items.length - 1];
              if (identity.isPair(prev))
                prev = prev.value ?? prev.key;
              if (prev.comment)
                prev.comment += "\n" + prevItemComment;
              else
                prev.comment = prevItemComment;
              props.comment = props.comment.substring(prevItemComment.length + 1);
            }
          }
        }
        if (!isMap6 && !sep5 && !props.found) {
          const valueNode = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, sep5, null, props, onError);
          coll.items.push(valueNode);
          offset = valueNode.range[2];
          if (isBlock(value))
            onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
        } else {
          ctx.atKey = true;
          const keyStart = props.end;
          const keyNode = key ? composeNode(ctx, key, props, onError) : composeEmptyNode(ctx, keyStart, start, null, props, onError);
          if (isBlock(key))
            onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
          ctx.atKey = false;
          const valueProps = resolveProps.resolveProps(sep5 ?? [], {
            flow: fcName,
            indicator: "map-value-ind",
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
          });
          if (valueProps.found) {
            if (!isMap6 && !props.found && ctx.options.strict) {
              if (sep5)
                for (const st of sep5) {
                  if (st === valueProps.found)
                    break;
                  if (st.type === "newline") {
                    onError(st, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                    break;
                  }
                }
              if (props.start < valueProps.found.offset - 1024)
                onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
            }
          } else if (value) {
            if ("source" in value && value.source?.[0] === ":")
              onError(value, "MISSING_CHAR", `Missing space after : in ${fcName}`);
            else
              onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode(ctx, valueProps.end, sep5, null, valueProps, onError) : null;
          if (valueNode) {
            if (isBlock(value))
              onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
          } else if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair2 = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair2.srcToken = collItem;
          if (isMap6) {
            const map = coll;
            if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
              onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
            map.items.push(pair2);
          } else {
            const map = new YAMLMap.YAMLMap(ctx.schema);
            map.flow = true;
            map.items.push(pair2);
            const endRange = (valueNode ?? keyNode).range;
            map.range = [keyNode.range[0], endRange[1], endRange[2]];
            coll.items.push(map);
          }
          offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
      }
      const expectedEnd = isMap6 ? "}" : "]";
      const [ce, ...ee] = fc.end;
      let cePos = offset;
      if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
      else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot ? `${name} must end with a ${expectedEnd}` : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg);
        if (ce && ce.source.length !== 1)
          ee.unshift(ce);
      }
      if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
          if (coll.comment)
            coll.comment += "\n" + end.comment;
          else
            coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
      } else {
        coll.range = [fc.offset, cePos, cePos];
      }
      return coll;
    }
    exports.resolveFlowCollection = resolveFlowCollection;
  }
});

// node_modules/yaml/dist/compose/compose-collection.js
var require_compose_collection = __commonJS({
  "node_modules/yaml/dist/compose/compose-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveBlockMap = require_resolve_block_map();
    var resolveBlockSeq = require_resolve_block_seq();
    var resolveFlowCollection = require_resolve_flow_collection();
    function resolveCollection(CN, ctx, token, onError, tagName, tag) {
      const coll = token.type === "block-map" ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag) : token.type === "block-seq" ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag) : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
      const Coll = coll.constructor;
      if (tagName === "!" || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
      }
      if (tagName)
        coll.tag = tagName;
      return coll;
    }
    function composeCollection(CN, ctx, token, props, onError) {
      const tagToken = props.tag;
      const tagName = !tagToken ? null : ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg));
      if (token.type === "block-seq") {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken ? anchor.offset > tagToken.offset ? anchor : tagToken : anchor ?? tagToken;
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
          const message = "Missing newline after block sequence props";
          onError(lastProp, "MISSING_CHAR", message);
        }
      }
      const expType = token.type === "block-map" ? "map" : token.type === "block-seq" ? "seq" : token.start.source === "{" ? "map" : "seq";
      if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap.YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.YAMLSeq.tagName && expType === "seq") {
        return resolveCollection(CN, ctx, token, onError, tagName);
      }
      let tag = ctx.schema.tags.find((t) => t.tag === tagName && t.collection === expType);
      if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
          ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
          tag = kt;
        } else {
          if (kt) {
            onError(tagToken, "BAD_COLLECTION_TYPE", `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? "scalar"}`, true);
          } else {
            onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, true);
          }
          return resolveCollection(CN, ctx, token, onError, tagName);
        }
      }
      const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
      const res = tag.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll;
      const node = identity.isNode(res) ? res : new Scalar.Scalar(res);
      node.range = coll.range;
      node.tag = tagName;
      if (tag?.format)
        node.format = tag.format;
      return node;
    }
    exports.composeCollection = composeCollection;
  }
});

// node_modules/yaml/dist/compose/resolve-block-scalar.js
var require_resolve_block_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function resolveBlockScalar(ctx, scalar, onError) {
      const start = scalar.offset;
      const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
      if (!header)
        return { value: "", type: null, comment: "", range: [start, start, start] };
      const type = header.mode === ">" ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
      const lines = scalar.source ? splitLines2(scalar.source) : [];
      let chompStart = lines.length;
      for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === "" || content === "\r")
          chompStart = i;
        else
          break;
      }
      if (chompStart === 0) {
        const value2 = header.chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "";
        let end2 = start + header.length;
        if (scalar.source)
          end2 += scalar.source.length;
        return { value: value2, type, comment: header.comment, range: [start, end2, end2] };
      }
      let trimIndent = scalar.indent + header.indent;
      let offset = scalar.offset + header.length;
      let contentStart = 0;
      for (let i = 0; i < chompStart; ++i) {
        const [indent2, content] = lines[i];
        if (content === "" || content === "\r") {
          if (header.indent === 0 && indent2.length > trimIndent)
            trimIndent = indent2.length;
        } else {
          if (indent2.length < trimIndent) {
            const message = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
            onError(offset + indent2.length, "MISSING_CHAR", message);
          }
          if (header.indent === 0)
            trimIndent = indent2.length;
          contentStart = i;
          if (trimIndent === 0 && !ctx.atRoot) {
            const message = "Block scalar values in collections must be indented";
            onError(offset, "BAD_INDENT", message);
          }
          break;
        }
        offset += indent2.length + content.length + 1;
      }
      for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
          chompStart = i + 1;
      }
      let value = "";
      let sep5 = "";
      let prevMoreIndented = false;
      for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + "\n";
      for (let i = contentStart; i < chompStart; ++i) {
        let [indent2, content] = lines[i];
        offset += indent2.length + content.length + 1;
        const crlf = content[content.length - 1] === "\r";
        if (crlf)
          content = content.slice(0, -1);
        if (content && indent2.length < trimIndent) {
          const src = header.indent ? "explicit indentation indicator" : "first line";
          const message = `Block scalar lines must not be less indented than their ${src}`;
          onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message);
          indent2 = "";
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
          value += sep5 + indent2.slice(trimIndent) + content;
          sep5 = "\n";
        } else if (indent2.length > trimIndent || content[0] === "	") {
          if (sep5 === " ")
            sep5 = "\n";
          else if (!prevMoreIndented && sep5 === "\n")
            sep5 = "\n\n";
          value += sep5 + indent2.slice(trimIndent) + content;
          sep5 = "\n";
          prevMoreIndented = true;
        } else if (content === "") {
          if (sep5 === "\n")
            value += "\n";
          else
            sep5 = "\n";
        } else {
          value += sep5 + content;
          sep5 = " ";
          prevMoreIndented = false;
        }
      }
      switch (header.chomp) {
        case "-":
          break;
        case "+":
          for (let i = chompStart; i < lines.length; ++i)
            value += "\n" + lines[i][0].slice(trimIndent);
          if (value[value.length - 1] !== "\n")
            value += "\n";
          break;
        default:
          value += "\n";
      }
      const end = start + header.length + scalar.source.length;
      return { value, type, comment: header.comment, range: [start, end, end] };
    }
    function parseBlockScalarHeader({ offset, props }, strict, onError) {
      if (props[0].type !== "block-scalar-header") {
        onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
        return null;
      }
      const { source } = props[0];
      const mode = source[0];
      let indent2 = 0;
      let chomp = "";
      let error = -1;
      for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === "-" || ch === "+"))
          chomp = ch;
        else {
          const n = Number(ch);
          if (!indent2 && n)
            indent2 = n;
          else if (error === -1)
            error = offset + i;
        }
      }
      if (error !== -1)
        onError(error, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
      let hasSpace = false;
      let comment = "";
      let length = source.length;
      for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
          case "space":
            hasSpace = true;
          // fallthrough
          case "newline":
            length += token.source.length;
            break;
          case "comment":
            if (strict && !hasSpace) {
              const message = "Comments must be separated from other tokens by white space characters";
              onError(token, "MISSING_CHAR", message);
            }
            length += token.source.length;
            comment = token.source.substring(1);
            break;
          case "error":
            onError(token, "UNEXPECTED_TOKEN", token.message);
            length += token.source.length;
            break;
          /* istanbul ignore next should not happen */
          default: {
            const message = `Unexpected token in block scalar header: ${token.type}`;
            onError(token, "UNEXPECTED_TOKEN", message);
            const ts = token.source;
            if (ts && typeof ts === "string")
              length += ts.length;
          }
        }
      }
      return { mode, indent: indent2, chomp, comment, length };
    }
    function splitLines2(source) {
      const split = source.split(/\n( *)/);
      const first = split[0];
      const m = first.match(/^( *)/);
      const line0 = m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first];
      const lines = [line0];
      for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
      return lines;
    }
    exports.resolveBlockScalar = resolveBlockScalar;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-scalar.js
var require_resolve_flow_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var resolveEnd = require_resolve_end();
    function resolveFlowScalar(scalar, strict, onError) {
      const { offset, type, source, end } = scalar;
      let _type;
      let value;
      const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
      switch (type) {
        case "scalar":
          _type = Scalar.Scalar.PLAIN;
          value = plainValue(source, _onError);
          break;
        case "single-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_SINGLE;
          value = singleQuotedValue(source, _onError);
          break;
        case "double-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_DOUBLE;
          value = doubleQuotedValue(source, _onError);
          break;
        /* istanbul ignore next should not happen */
        default:
          onError(scalar, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`);
          return {
            value: "",
            type: null,
            comment: "",
            range: [offset, offset + source.length, offset + source.length]
          };
      }
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
      return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
      };
    }
    function plainValue(source, onError) {
      let badChar = "";
      switch (source[0]) {
        /* istanbul ignore next should not happen */
        case "	":
          badChar = "a tab character";
          break;
        case ",":
          badChar = "flow indicator character ,";
          break;
        case "%":
          badChar = "directive indicator character %";
          break;
        case "|":
        case ">": {
          badChar = `block scalar indicator ${source[0]}`;
          break;
        }
        case "@":
        case "`": {
          badChar = `reserved character ${source[0]}`;
          break;
        }
      }
      if (badChar)
        onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`);
      return unfoldLines(source);
    }
    function singleQuotedValue(source, onError) {
      if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, "MISSING_CHAR", "Missing closing 'quote");
      return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
    }
    function unfoldLines(source) {
      const line = /(.*?)\r?\n/sy;
      let match2 = line.exec(source);
      if (!match2)
        return source;
      let trimEnd, trimBoth;
      try {
        trimEnd = new RegExp("(?<![ 	])[ 	]+$");
        trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
      } catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
      }
      let res = match2[1].replace(trimEnd, "");
      let sep5 = " ";
      let pos = line.lastIndex;
      while (match2 = line.exec(source)) {
        const lm = match2[1].replace(trimBoth, "");
        if (lm === "") {
          if (sep5 === "\n")
            res += sep5;
          else
            sep5 = "\n";
        } else {
          res += sep5 + lm;
          sep5 = " ";
        }
        pos = line.lastIndex;
      }
      const last = /[ \t]*(.*)/sy;
      last.lastIndex = pos;
      match2 = last.exec(source);
      return res + sep5 + (match2?.[1] ?? "");
    }
    function doubleQuotedValue(source, onError) {
      let res = "";
      for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === "\r" && source[i + 1] === "\n")
          continue;
        if (ch === "\n") {
          const { fold, offset } = foldNewline(source, i);
          res += fold;
          i = offset;
        } else if (ch === "\\") {
          let next = source[++i];
          const cc = escapeCodes[next];
          if (cc)
            res += cc;
          else if (next === "\n") {
            next = source[i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "\r" && source[i + 1] === "\n") {
            next = source[++i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "x" || next === "u" || next === "U") {
            const length = next === "x" ? 2 : next === "u" ? 4 : 8;
            res += parseCharCode(source, i + 1, length, onError);
            i += length;
          } else {
            const raw = source.substr(i - 1, 2);
            onError(i - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
            res += raw;
          }
        } else if (ch === " " || ch === "	") {
          const wsStart = i;
          let next = source[i + 1];
          while (next === " " || next === "	")
            next = source[++i + 1];
          if (next !== "\n" && !(next === "\r" && source[i + 2] === "\n"))
            res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        } else {
          res += ch;
        }
      }
      if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, "MISSING_CHAR", 'Missing closing "quote');
      return res;
    }
    function foldNewline(source, offset) {
      let fold = "";
      let ch = source[offset + 1];
      while (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
        if (ch === "\r" && source[offset + 2] !== "\n")
          break;
        if (ch === "\n")
          fold += "\n";
        offset += 1;
        ch = source[offset + 1];
      }
      if (!fold)
        fold = " ";
      return { fold, offset };
    }
    var escapeCodes = {
      "0": "\0",
      // null character
      a: "\x07",
      // bell character
      b: "\b",
      // backspace
      e: "\x1B",
      // escape character
      f: "\f",
      // form feed
      n: "\n",
      // line feed
      r: "\r",
      // carriage return
      t: "	",
      // horizontal tab
      v: "\v",
      // vertical tab
      N: "\x85",
      // Unicode next line
      _: "\xA0",
      // Unicode non-breaking space
      L: "\u2028",
      // Unicode line separator
      P: "\u2029",
      // Unicode paragraph separator
      " ": " ",
      '"': '"',
      "/": "/",
      "\\": "\\",
      "	": "	"
    };
    function parseCharCode(source, offset, length, onError) {
      const cc = source.substr(offset, length);
      const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
      const code = ok ? parseInt(cc, 16) : NaN;
      try {
        return String.fromCodePoint(code);
      } catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
        return raw;
      }
    }
    exports.resolveFlowScalar = resolveFlowScalar;
  }
});

// node_modules/yaml/dist/compose/compose-scalar.js
var require_compose_scalar = __commonJS({
  "node_modules/yaml/dist/compose/compose-scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    function composeScalar(ctx, token, tagToken, onError) {
      const { value, type, comment, range: range2 } = token.type === "block-scalar" ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError) : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
      const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
      let tag;
      if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
      } else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
      else if (token.type === "scalar")
        tag = findScalarTagByTest(ctx, value, token, onError);
      else
        tag = ctx.schema[identity.SCALAR];
      let scalar;
      try {
        const res = tag.resolve(value, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
      } catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg);
        scalar = new Scalar.Scalar(value);
      }
      scalar.range = range2;
      scalar.source = value;
      if (type)
        scalar.type = type;
      if (tagName)
        scalar.tag = tagName;
      if (tag.format)
        scalar.format = tag.format;
      if (comment)
        scalar.comment = comment;
      return scalar;
    }
    function findScalarTagByName(schema, value, tagName, tagToken, onError) {
      if (tagName === "!")
        return schema[identity.SCALAR];
      const matchWithTest = [];
      for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
          if (tag.default && tag.test)
            matchWithTest.push(tag);
          else
            return tag;
        }
      }
      for (const tag of matchWithTest)
        if (tag.test?.test(value))
          return tag;
      const kt = schema.knownTags[tagName];
      if (kt && !kt.collection) {
        schema.tags.push(Object.assign({}, kt, { default: false, test: void 0 }));
        return kt;
      }
      onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
      return schema[identity.SCALAR];
    }
    function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
      const tag = schema.tags.find((tag2) => (tag2.default === true || atKey && tag2.default === "key") && tag2.test?.test(value)) || schema[identity.SCALAR];
      if (schema.compat) {
        const compat = schema.compat.find((tag2) => tag2.default && tag2.test?.test(value)) ?? schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
          const ts = directives.tagString(tag.tag);
          const cs = directives.tagString(compat.tag);
          const msg = `Value may be parsed as either ${ts} or ${cs}`;
          onError(token, "TAG_RESOLVE_FAILED", msg, true);
        }
      }
      return tag;
    }
    exports.composeScalar = composeScalar;
  }
});

// node_modules/yaml/dist/compose/util-empty-scalar-position.js
var require_util_empty_scalar_position = __commonJS({
  "node_modules/yaml/dist/compose/util-empty-scalar-position.js"(exports) {
    "use strict";
    function emptyScalarPosition(offset, before, pos) {
      if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
          let st = before[i];
          switch (st.type) {
            case "space":
            case "comment":
            case "newline":
              offset -= st.source.length;
              continue;
          }
          st = before[++i];
          while (st?.type === "space") {
            offset += st.source.length;
            st = before[++i];
          }
          break;
        }
      }
      return offset;
    }
    exports.emptyScalarPosition = emptyScalarPosition;
  }
});

// node_modules/yaml/dist/compose/compose-node.js
var require_compose_node = __commonJS({
  "node_modules/yaml/dist/compose/compose-node.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var composeCollection = require_compose_collection();
    var composeScalar = require_compose_scalar();
    var resolveEnd = require_resolve_end();
    var utilEmptyScalarPosition = require_util_empty_scalar_position();
    var CN = { composeNode, composeEmptyNode };
    function composeNode(ctx, token, props, onError) {
      const atKey = ctx.atKey;
      const { spaceBefore, comment, anchor, tag } = props;
      let node;
      let isSrcToken = true;
      switch (token.type) {
        case "alias":
          node = composeAlias(ctx, token, onError);
          if (anchor || tag)
            onError(token, "ALIAS_PROPS", "An alias node must not specify any properties");
          break;
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "block-scalar":
          node = composeScalar.composeScalar(ctx, token, tag, onError);
          if (anchor)
            node.anchor = anchor.source.substring(1);
          break;
        case "block-map":
        case "block-seq":
        case "flow-collection":
          try {
            node = composeCollection.composeCollection(CN, ctx, token, props, onError);
            if (anchor)
              node.anchor = anchor.source.substring(1);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            onError(token, "RESOURCE_EXHAUSTION", message);
          }
          break;
        default: {
          const message = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`;
          onError(token, "UNEXPECTED_TOKEN", message);
          isSrcToken = false;
        }
      }
      node ?? (node = composeEmptyNode(ctx, token.offset, void 0, null, props, onError));
      if (anchor && node.anchor === "")
        onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      if (atKey && ctx.options.stringKeys && (!identity.isScalar(node) || typeof node.value !== "string" || node.tag && node.tag !== "tag:yaml.org,2002:str")) {
        const msg = "With stringKeys, all keys must be strings";
        onError(tag ?? token, "NON_STRING_KEY", msg);
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        if (token.type === "scalar" && token.source === "")
          node.comment = comment;
        else
          node.commentBefore = comment;
      }
      if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
      return node;
    }
    function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
      const token = {
        type: "scalar",
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ""
      };
      const node = composeScalar.composeScalar(ctx, token, tag, onError);
      if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === "")
          onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        node.comment = comment;
        node.range[2] = end;
      }
      return node;
    }
    function composeAlias({ options }, { offset, source, end }, onError) {
      const alias = new Alias.Alias(source.substring(1));
      if (alias.source === "")
        onError(offset, "BAD_ALIAS", "Alias cannot be an empty string");
      if (alias.source.endsWith(":"))
        onError(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", true);
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
      alias.range = [offset, valueEnd, re.offset];
      if (re.comment)
        alias.comment = re.comment;
      return alias;
    }
    exports.composeEmptyNode = composeEmptyNode;
    exports.composeNode = composeNode;
  }
});

// node_modules/yaml/dist/compose/compose-doc.js
var require_compose_doc = __commonJS({
  "node_modules/yaml/dist/compose/compose-doc.js"(exports) {
    "use strict";
    var Document = require_Document();
    var composeNode = require_compose_node();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    function composeDoc(options, directives, { offset, start, value, end }, onError) {
      const opts = Object.assign({ _directives: directives }, options);
      const doc = new Document.Document(void 0, opts);
      const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
      };
      const props = resolveProps.resolveProps(start, {
        indicator: "doc-start",
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
      });
      if (props.found) {
        doc.directives.docStart = true;
        if (value && (value.type === "block-map" || value.type === "block-seq") && !props.hasNewline)
          onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
      }
      doc.contents = value ? composeNode.composeNode(ctx, value, props, onError) : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
      const contentEnd = doc.contents.range[2];
      const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
      if (re.comment)
        doc.comment = re.comment;
      doc.range = [offset, contentEnd, re.offset];
      return doc;
    }
    exports.composeDoc = composeDoc;
  }
});

// node_modules/yaml/dist/compose/composer.js
var require_composer = __commonJS({
  "node_modules/yaml/dist/compose/composer.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var directives = require_directives();
    var Document = require_Document();
    var errors = require_errors();
    var identity = require_identity();
    var composeDoc = require_compose_doc();
    var resolveEnd = require_resolve_end();
    function getErrorPos(src) {
      if (typeof src === "number")
        return [src, src + 1];
      if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
      const { offset, source } = src;
      return [offset, offset + (typeof source === "string" ? source.length : 1)];
    }
    function parsePrelude(prelude) {
      let comment = "";
      let atComment = false;
      let afterEmptyLine = false;
      for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
          case "#":
            comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
            atComment = true;
            afterEmptyLine = false;
            break;
          case "%":
            if (prelude[i + 1]?.[0] !== "#")
              i += 1;
            atComment = false;
            break;
          default:
            if (!atComment)
              afterEmptyLine = true;
            atComment = false;
        }
      }
      return { comment, afterEmptyLine };
    }
    var Composer = class {
      constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
          const pos = getErrorPos(source);
          if (warning)
            this.warnings.push(new errors.YAMLWarning(pos, code, message));
          else
            this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        this.directives = new directives.Directives({ version: options.version || "1.2" });
        this.options = options;
      }
      decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        if (comment) {
          const dc = doc.contents;
          if (afterDoc) {
            doc.comment = doc.comment ? `${doc.comment}
${comment}` : comment;
          } else if (afterEmptyLine || doc.directives.docStart || !dc) {
            doc.commentBefore = comment;
          } else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
            let it = dc.items[0];
            if (identity.isPair(it))
              it = it.key;
            const cb = it.commentBefore;
            it.commentBefore = cb ? `${comment}
${cb}` : comment;
          } else {
            const cb = dc.commentBefore;
            dc.commentBefore = cb ? `${comment}
${cb}` : comment;
          }
        }
        if (afterDoc) {
          for (let i = 0; i < this.errors.length; ++i)
            doc.errors.push(this.errors[i]);
          for (let i = 0; i < this.warnings.length; ++i)
            doc.warnings.push(this.warnings[i]);
        } else {
          doc.errors = this.errors;
          doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
      }
      /**
       * Current stream status information.
       *
       * Mostly useful at the end of input for an empty stream.
       */
      streamInfo() {
        return {
          comment: parsePrelude(this.prelude).comment,
          directives: this.directives,
          errors: this.errors,
          warnings: this.warnings
        };
      }
      /**
       * Compose tokens into documents.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
          yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
      }
      /** Advance the composer by one CST token. */
      *next(token) {
        if (node_process.env.LOG_STREAM)
          console.dir(token, { depth: null });
        switch (token.type) {
          case "directive":
            this.directives.add(token.source, (offset, message, warning) => {
              const pos = getErrorPos(token);
              pos[0] += offset;
              this.onError(pos, "BAD_DIRECTIVE", message, warning);
            });
            this.prelude.push(token.source);
            this.atDirectives = true;
            break;
          case "document": {
            const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
            if (this.atDirectives && !doc.directives.docStart)
              this.onError(token, "MISSING_CHAR", "Missing directives-end/doc-start indicator line");
            this.decorate(doc, false);
            if (this.doc)
              yield this.doc;
            this.doc = doc;
            this.atDirectives = false;
            break;
          }
          case "byte-order-mark":
          case "space":
            break;
          case "comment":
          case "newline":
            this.prelude.push(token.source);
            break;
          case "error": {
            const msg = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message;
            const error = new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
            if (this.atDirectives || !this.doc)
              this.errors.push(error);
            else
              this.doc.errors.push(error);
            break;
          }
          case "doc-end": {
            if (!this.doc) {
              const msg = "Unexpected doc-end without preceding document";
              this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg));
              break;
            }
            this.doc.directives.docEnd = true;
            const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
            this.decorate(this.doc, true);
            if (end.comment) {
              const dc = this.doc.comment;
              this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
            }
            this.doc.range[2] = end.offset;
            break;
          }
          default:
            this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`));
        }
      }
      /**
       * Call at end of input to yield any remaining document.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
          this.decorate(this.doc, true);
          yield this.doc;
          this.doc = null;
        } else if (forceDoc) {
          const opts = Object.assign({ _directives: this.directives }, this.options);
          const doc = new Document.Document(void 0, opts);
          if (this.atDirectives)
            this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line");
          doc.range = [0, endOffset, endOffset];
          this.decorate(doc, false);
          yield doc;
        }
      }
    };
    exports.Composer = Composer;
  }
});

// node_modules/yaml/dist/parse/cst-scalar.js
var require_cst_scalar = __commonJS({
  "node_modules/yaml/dist/parse/cst-scalar.js"(exports) {
    "use strict";
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    var errors = require_errors();
    var stringifyString = require_stringifyString();
    function resolveAsScalar(token, strict = true, onError) {
      if (token) {
        const _onError = (pos, code, message) => {
          const offset = typeof pos === "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
          if (onError)
            onError(offset, code, message);
          else
            throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
          case "block-scalar":
            return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
      }
      return null;
    }
    function createScalarToken(value, context) {
      const { implicitKey = false, indent: indent2, inFlow = false, offset = -1, type = "PLAIN" } = context;
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent2 > 0 ? " ".repeat(indent2) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      const end = context.end ?? [
        { type: "newline", offset: -1, indent: indent2, source: "\n" }
      ];
      switch (source[0]) {
        case "|":
        case ">": {
          const he = source.indexOf("\n");
          const head = source.substring(0, he);
          const body = source.substring(he + 1) + "\n";
          const props = [
            { type: "block-scalar-header", offset, indent: indent2, source: head }
          ];
          if (!addEndtoBlockProps(props, end))
            props.push({ type: "newline", offset: -1, indent: indent2, source: "\n" });
          return { type: "block-scalar", offset, indent: indent2, props, source: body };
        }
        case '"':
          return { type: "double-quoted-scalar", offset, indent: indent2, source, end };
        case "'":
          return { type: "single-quoted-scalar", offset, indent: indent2, source, end };
        default:
          return { type: "scalar", offset, indent: indent2, source, end };
      }
    }
    function setScalarValue(token, value, context = {}) {
      let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
      let indent2 = "indent" in token ? token.indent : null;
      if (afterKey && typeof indent2 === "number")
        indent2 += 2;
      if (!type)
        switch (token.type) {
          case "single-quoted-scalar":
            type = "QUOTE_SINGLE";
            break;
          case "double-quoted-scalar":
            type = "QUOTE_DOUBLE";
            break;
          case "block-scalar": {
            const header = token.props[0];
            if (header.type !== "block-scalar-header")
              throw new Error("Invalid block scalar header");
            type = header.source[0] === ">" ? "BLOCK_FOLDED" : "BLOCK_LITERAL";
            break;
          }
          default:
            type = "PLAIN";
        }
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent2 === null,
        indent: indent2 !== null && indent2 > 0 ? " ".repeat(indent2) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      switch (source[0]) {
        case "|":
        case ">":
          setBlockScalarValue(token, source);
          break;
        case '"':
          setFlowScalarValue(token, source, "double-quoted-scalar");
          break;
        case "'":
          setFlowScalarValue(token, source, "single-quoted-scalar");
          break;
        default:
          setFlowScalarValue(token, source, "scalar");
      }
    }
    function setBlockScalarValue(token, source) {
      const he = source.indexOf("\n");
      const head = source.substring(0, he);
      const body = source.substring(he + 1) + "\n";
      if (token.type === "block-scalar") {
        const header = token.props[0];
        if (header.type !== "block-scalar-header")
          throw new Error("Invalid block scalar header");
        header.source = head;
        token.source = body;
      } else {
        const { offset } = token;
        const indent2 = "indent" in token ? token.indent : -1;
        const props = [
          { type: "block-scalar-header", offset, indent: indent2, source: head }
        ];
        if (!addEndtoBlockProps(props, "end" in token ? token.end : void 0))
          props.push({ type: "newline", offset: -1, indent: indent2, source: "\n" });
        for (const key of Object.keys(token))
          if (key !== "type" && key !== "offset")
            delete token[key];
        Object.assign(token, { type: "block-scalar", indent: indent2, props, source: body });
      }
    }
    function addEndtoBlockProps(props, end) {
      if (end)
        for (const st of end)
          switch (st.type) {
            case "space":
            case "comment":
              props.push(st);
              break;
            case "newline":
              props.push(st);
              return true;
          }
      return false;
    }
    function setFlowScalarValue(token, source, type) {
      switch (token.type) {
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          token.type = type;
          token.source = source;
          break;
        case "block-scalar": {
          const end = token.props.slice(1);
          let oa = source.length;
          if (token.props[0].type === "block-scalar-header")
            oa -= token.props[0].source.length;
          for (const tok of end)
            tok.offset += oa;
          delete token.props;
          Object.assign(token, { type, source, end });
          break;
        }
        case "block-map":
        case "block-seq": {
          const offset = token.offset + source.length;
          const nl = { type: "newline", offset, indent: token.indent, source: "\n" };
          delete token.items;
          Object.assign(token, { type, source, end: [nl] });
          break;
        }
        default: {
          const indent2 = "indent" in token ? token.indent : -1;
          const end = "end" in token && Array.isArray(token.end) ? token.end.filter((st) => st.type === "space" || st.type === "comment" || st.type === "newline") : [];
          for (const key of Object.keys(token))
            if (key !== "type" && key !== "offset")
              delete token[key];
          Object.assign(token, { type, indent: indent2, source, end });
        }
      }
    }
    exports.createScalarToken = createScalarToken;
    exports.resolveAsScalar = resolveAsScalar;
    exports.setScalarValue = setScalarValue;
  }
});

// node_modules/yaml/dist/parse/cst-stringify.js
var require_cst_stringify = __commonJS({
  "node_modules/yaml/dist/parse/cst-stringify.js"(exports) {
    "use strict";
    var stringify6 = (cst) => "type" in cst ? stringifyToken(cst) : stringifyItem(cst);
    function stringifyToken(token) {
      switch (token.type) {
        case "block-scalar": {
          let res = "";
          for (const tok of token.props)
            res += stringifyToken(tok);
          return res + token.source;
        }
        case "block-map":
        case "block-seq": {
          let res = "";
          for (const item of token.items)
            res += stringifyItem(item);
          return res;
        }
        case "flow-collection": {
          let res = token.start.source;
          for (const item of token.items)
            res += stringifyItem(item);
          for (const st of token.end)
            res += st.source;
          return res;
        }
        case "document": {
          let res = stringifyItem(token);
          if (token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
        default: {
          let res = token.source;
          if ("end" in token && token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
      }
    }
    function stringifyItem({ start, key, sep: sep5, value }) {
      let res = "";
      for (const st of start)
        res += st.source;
      if (key)
        res += stringifyToken(key);
      if (sep5)
        for (const st of sep5)
          res += st.source;
      if (value)
        res += stringifyToken(value);
      return res;
    }
    exports.stringify = stringify6;
  }
});

// node_modules/yaml/dist/parse/cst-visit.js
var require_cst_visit = __commonJS({
  "node_modules/yaml/dist/parse/cst-visit.js"(exports) {
    "use strict";
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove item");
    function visit3(cst, visitor) {
      if ("type" in cst && cst.type === "document")
        cst = { start: cst.start, value: cst.value };
      _visit(Object.freeze([]), cst, visitor);
    }
    visit3.BREAK = BREAK;
    visit3.SKIP = SKIP;
    visit3.REMOVE = REMOVE;
    visit3.itemAtPath = (cst, path2) => {
      let item = cst;
      for (const [field, index] of path2) {
        const tok = item?.[field];
        if (tok && "items" in tok) {
          item = tok.items[index];
        } else
          return void 0;
      }
      return item;
    };
    visit3.parentCollection = (cst, path2) => {
      const parent = visit3.itemAtPath(cst, path2.slice(0, -1));
      const field = path2[path2.length - 1][0];
      const coll = parent?.[field];
      if (coll && "items" in coll)
        return coll;
      throw new Error("Parent collection not found");
    };
    function _visit(path2, item, visitor) {
      let ctrl = visitor(item, path2);
      if (typeof ctrl === "symbol")
        return ctrl;
      for (const field of ["key", "value"]) {
        const token = item[field];
        if (token && "items" in token) {
          for (let i = 0; i < token.items.length; ++i) {
            const ci = _visit(Object.freeze(path2.concat([[field, i]])), token.items[i], visitor);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              token.items.splice(i, 1);
              i -= 1;
            }
          }
          if (typeof ctrl === "function" && field === "key")
            ctrl = ctrl(item, path2);
        }
      }
      return typeof ctrl === "function" ? ctrl(item, path2) : ctrl;
    }
    exports.visit = visit3;
  }
});

// node_modules/yaml/dist/parse/cst.js
var require_cst = __commonJS({
  "node_modules/yaml/dist/parse/cst.js"(exports) {
    "use strict";
    var cstScalar = require_cst_scalar();
    var cstStringify = require_cst_stringify();
    var cstVisit = require_cst_visit();
    var BOM = "\uFEFF";
    var DOCUMENT = "";
    var FLOW_END = "";
    var SCALAR = "";
    var isCollection = (token) => !!token && "items" in token;
    var isScalar5 = (token) => !!token && (token.type === "scalar" || token.type === "single-quoted-scalar" || token.type === "double-quoted-scalar" || token.type === "block-scalar");
    function prettyToken(token) {
      switch (token) {
        case BOM:
          return "<BOM>";
        case DOCUMENT:
          return "<DOC>";
        case FLOW_END:
          return "<FLOW_END>";
        case SCALAR:
          return "<SCALAR>";
        default:
          return JSON.stringify(token);
      }
    }
    function tokenType(source) {
      switch (source) {
        case BOM:
          return "byte-order-mark";
        case DOCUMENT:
          return "doc-mode";
        case FLOW_END:
          return "flow-error-end";
        case SCALAR:
          return "scalar";
        case "---":
          return "doc-start";
        case "...":
          return "doc-end";
        case "":
        case "\n":
        case "\r\n":
          return "newline";
        case "-":
          return "seq-item-ind";
        case "?":
          return "explicit-key-ind";
        case ":":
          return "map-value-ind";
        case "{":
          return "flow-map-start";
        case "}":
          return "flow-map-end";
        case "[":
          return "flow-seq-start";
        case "]":
          return "flow-seq-end";
        case ",":
          return "comma";
      }
      switch (source[0]) {
        case " ":
        case "	":
          return "space";
        case "#":
          return "comment";
        case "%":
          return "directive-line";
        case "*":
          return "alias";
        case "&":
          return "anchor";
        case "!":
          return "tag";
        case "'":
          return "single-quoted-scalar";
        case '"':
          return "double-quoted-scalar";
        case "|":
        case ">":
          return "block-scalar-header";
      }
      return null;
    }
    exports.createScalarToken = cstScalar.createScalarToken;
    exports.resolveAsScalar = cstScalar.resolveAsScalar;
    exports.setScalarValue = cstScalar.setScalarValue;
    exports.stringify = cstStringify.stringify;
    exports.visit = cstVisit.visit;
    exports.BOM = BOM;
    exports.DOCUMENT = DOCUMENT;
    exports.FLOW_END = FLOW_END;
    exports.SCALAR = SCALAR;
    exports.isCollection = isCollection;
    exports.isScalar = isScalar5;
    exports.prettyToken = prettyToken;
    exports.tokenType = tokenType;
  }
});

// node_modules/yaml/dist/parse/lexer.js
var require_lexer = __commonJS({
  "node_modules/yaml/dist/parse/lexer.js"(exports) {
    "use strict";
    var cst = require_cst();
    function isEmpty(ch) {
      switch (ch) {
        case void 0:
        case " ":
        case "\n":
        case "\r":
        case "	":
          return true;
        default:
          return false;
      }
    }
    var hexDigits = new Set("0123456789ABCDEFabcdef");
    var tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
    var flowIndicatorChars = new Set(",[]{}");
    var invalidAnchorChars = new Set(" ,[]{}\n\r	");
    var isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
    var Lexer = class {
      constructor() {
        this.atEnd = false;
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        this.buffer = "";
        this.flowKey = false;
        this.flowLevel = 0;
        this.indentNext = 0;
        this.indentValue = 0;
        this.lineEndPos = null;
        this.next = null;
        this.pos = 0;
      }
      /**
       * Generate YAML tokens from the `source` string. If `incomplete`,
       * a part of the last line may be left as a buffer for the next call.
       *
       * @returns A generator of lexical tokens
       */
      *lex(source, incomplete = false) {
        if (source) {
          if (typeof source !== "string")
            throw TypeError("source is not a string");
          this.buffer = this.buffer ? this.buffer + source : source;
          this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? "stream";
        while (next && (incomplete || this.hasChars(1)))
          next = yield* this.parseNext(next);
      }
      atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === " " || ch === "	")
          ch = this.buffer[++i];
        if (!ch || ch === "#" || ch === "\n")
          return true;
        if (ch === "\r")
          return this.buffer[i + 1] === "\n";
        return false;
      }
      charAt(n) {
        return this.buffer[this.pos + n];
      }
      continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
          let indent2 = 0;
          while (ch === " ")
            ch = this.buffer[++indent2 + offset];
          if (ch === "\r") {
            const next = this.buffer[indent2 + offset + 1];
            if (next === "\n" || !next && !this.atEnd)
              return offset + indent2 + 1;
          }
          return ch === "\n" || indent2 >= this.indentNext || !ch && !this.atEnd ? offset + indent2 : -1;
        }
        if (ch === "-" || ch === ".") {
          const dt = this.buffer.substr(offset, 3);
          if ((dt === "---" || dt === "...") && isEmpty(this.buffer[offset + 3]))
            return -1;
        }
        return offset;
      }
      getLine() {
        let end = this.lineEndPos;
        if (typeof end !== "number" || end !== -1 && end < this.pos) {
          end = this.buffer.indexOf("\n", this.pos);
          this.lineEndPos = end;
        }
        if (end === -1)
          return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === "\r")
          end -= 1;
        return this.buffer.substring(this.pos, end);
      }
      hasChars(n) {
        return this.pos + n <= this.buffer.length;
      }
      setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
      }
      peek(n) {
        return this.buffer.substr(this.pos, n);
      }
      *parseNext(next) {
        switch (next) {
          case "stream":
            return yield* this.parseStream();
          case "line-start":
            return yield* this.parseLineStart();
          case "block-start":
            return yield* this.parseBlockStart();
          case "doc":
            return yield* this.parseDocument();
          case "flow":
            return yield* this.parseFlowCollection();
          case "quoted-scalar":
            return yield* this.parseQuotedScalar();
          case "block-scalar":
            return yield* this.parseBlockScalar();
          case "plain-scalar":
            return yield* this.parsePlainScalar();
        }
      }
      *parseStream() {
        let line = this.getLine();
        if (line === null)
          return this.setNext("stream");
        if (line[0] === cst.BOM) {
          yield* this.pushCount(1);
          line = line.substring(1);
        }
        if (line[0] === "%") {
          let dirEnd = line.length;
          let cs = line.indexOf("#");
          while (cs !== -1) {
            const ch = line[cs - 1];
            if (ch === " " || ch === "	") {
              dirEnd = cs - 1;
              break;
            } else {
              cs = line.indexOf("#", cs + 1);
            }
          }
          while (true) {
            const ch = line[dirEnd - 1];
            if (ch === " " || ch === "	")
              dirEnd -= 1;
            else
              break;
          }
          const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
          yield* this.pushCount(line.length - n);
          this.pushNewline();
          return "stream";
        }
        if (this.atLineEnd()) {
          const sp = yield* this.pushSpaces(true);
          yield* this.pushCount(line.length - sp);
          yield* this.pushNewline();
          return "stream";
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
      }
      *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
          return this.setNext("line-start");
        if (ch === "-" || ch === ".") {
          if (!this.atEnd && !this.hasChars(4))
            return this.setNext("line-start");
          const s = this.peek(3);
          if ((s === "---" || s === "...") && isEmpty(this.charAt(3))) {
            yield* this.pushCount(3);
            this.indentValue = 0;
            this.indentNext = 0;
            return s === "---" ? "doc" : "stream";
          }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
          this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
      }
      *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
          return this.setNext("block-start");
        if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty(ch1)) {
          const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
          this.indentNext = this.indentValue + 1;
          this.indentValue += n;
          return "block-start";
        }
        return "doc";
      }
      *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
          return this.setNext("doc");
        let n = yield* this.pushIndicators();
        switch (line[n]) {
          case "#":
            yield* this.pushCount(line.length - n);
          // fallthrough
          case void 0:
            yield* this.pushNewline();
            return yield* this.parseLineStart();
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel = 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            return "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "doc";
          case '"':
          case "'":
            return yield* this.parseQuotedScalar();
          case "|":
          case ">":
            n += yield* this.parseBlockScalarHeader();
            n += yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - n);
            yield* this.pushNewline();
            return yield* this.parseBlockScalar();
          default:
            return yield* this.parsePlainScalar();
        }
      }
      *parseFlowCollection() {
        let nl, sp;
        let indent2 = -1;
        do {
          nl = yield* this.pushNewline();
          if (nl > 0) {
            sp = yield* this.pushSpaces(false);
            this.indentValue = indent2 = sp;
          } else {
            sp = 0;
          }
          sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
          return this.setNext("flow");
        if (indent2 !== -1 && indent2 < this.indentNext && line[0] !== "#" || indent2 === 0 && (line.startsWith("---") || line.startsWith("...")) && isEmpty(line[3])) {
          const atFlowEndMarker = indent2 === this.indentNext - 1 && this.flowLevel === 1 && (line[0] === "]" || line[0] === "}");
          if (!atFlowEndMarker) {
            this.flowLevel = 0;
            yield cst.FLOW_END;
            return yield* this.parseLineStart();
          }
        }
        let n = 0;
        while (line[n] === ",") {
          n += yield* this.pushCount(1);
          n += yield* this.pushSpaces(true);
          this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
          case void 0:
            return "flow";
          case "#":
            yield* this.pushCount(line.length - n);
            return "flow";
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel += 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            this.flowKey = true;
            this.flowLevel -= 1;
            return this.flowLevel ? "flow" : "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "flow";
          case '"':
          case "'":
            this.flowKey = true;
            return yield* this.parseQuotedScalar();
          case ":": {
            const next = this.charAt(1);
            if (this.flowKey || isEmpty(next) || next === ",") {
              this.flowKey = false;
              yield* this.pushCount(1);
              yield* this.pushSpaces(true);
              return "flow";
            }
          }
          // fallthrough
          default:
            this.flowKey = false;
            return yield* this.parsePlainScalar();
        }
      }
      *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
          while (end !== -1 && this.buffer[end + 1] === "'")
            end = this.buffer.indexOf("'", end + 2);
        } else {
          while (end !== -1) {
            let n = 0;
            while (this.buffer[end - 1 - n] === "\\")
              n += 1;
            if (n % 2 === 0)
              break;
            end = this.buffer.indexOf('"', end + 1);
          }
        }
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf("\n", this.pos);
        if (nl !== -1) {
          while (nl !== -1) {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = qb.indexOf("\n", cs);
          }
          if (nl !== -1) {
            end = nl - (qb[nl - 1] === "\r" ? 2 : 1);
          }
        }
        if (end === -1) {
          if (!this.atEnd)
            return this.setNext("quoted-scalar");
          end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? "flow" : "doc";
      }
      *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
          const ch = this.buffer[++i];
          if (ch === "+")
            this.blockScalarKeep = true;
          else if (ch > "0" && ch <= "9")
            this.blockScalarIndent = Number(ch) - 1;
          else if (ch !== "-")
            break;
        }
        return yield* this.pushUntil((ch) => isEmpty(ch) || ch === "#");
      }
      *parseBlockScalar() {
        let nl = this.pos - 1;
        let indent2 = 0;
        let ch;
        loop: for (let i2 = this.pos; ch = this.buffer[i2]; ++i2) {
          switch (ch) {
            case " ":
              indent2 += 1;
              break;
            case "\n":
              nl = i2;
              indent2 = 0;
              break;
            case "\r": {
              const next = this.buffer[i2 + 1];
              if (!next && !this.atEnd)
                return this.setNext("block-scalar");
              if (next === "\n")
                break;
            }
            // fallthrough
            default:
              break loop;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("block-scalar");
        if (indent2 >= this.indentNext) {
          if (this.blockScalarIndent === -1)
            this.indentNext = indent2;
          else {
            this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
          }
          do {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = this.buffer.indexOf("\n", cs);
          } while (nl !== -1);
          if (nl === -1) {
            if (!this.atEnd)
              return this.setNext("block-scalar");
            nl = this.buffer.length;
          }
        }
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === " ")
          ch = this.buffer[++i];
        if (ch === "	") {
          while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
            ch = this.buffer[++i];
          nl = i - 1;
        } else if (!this.blockScalarKeep) {
          do {
            let i2 = nl - 1;
            let ch2 = this.buffer[i2];
            if (ch2 === "\r")
              ch2 = this.buffer[--i2];
            const lastChar = i2;
            while (ch2 === " ")
              ch2 = this.buffer[--i2];
            if (ch2 === "\n" && i2 >= this.pos && i2 + 1 + indent2 > lastChar)
              nl = i2;
            else
              break;
          } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
      }
      *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while (ch = this.buffer[++i]) {
          if (ch === ":") {
            const next = this.buffer[i + 1];
            if (isEmpty(next) || inFlow && flowIndicatorChars.has(next))
              break;
            end = i;
          } else if (isEmpty(ch)) {
            let next = this.buffer[i + 1];
            if (ch === "\r") {
              if (next === "\n") {
                i += 1;
                ch = "\n";
                next = this.buffer[i + 1];
              } else
                end = i;
            }
            if (next === "#" || inFlow && flowIndicatorChars.has(next))
              break;
            if (ch === "\n") {
              const cs = this.continueScalar(i + 1);
              if (cs === -1)
                break;
              i = Math.max(i, cs - 2);
            }
          } else {
            if (inFlow && flowIndicatorChars.has(ch))
              break;
            end = i;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("plain-scalar");
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? "flow" : "doc";
      }
      *pushCount(n) {
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos += n;
          return n;
        }
        return 0;
      }
      *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
          yield s;
          this.pos += s.length;
          return s.length;
        } else if (allowEmpty)
          yield "";
        return 0;
      }
      *pushIndicators() {
        let n = 0;
        loop: while (true) {
          switch (this.charAt(0)) {
            case "!":
              n += yield* this.pushTag();
              n += yield* this.pushSpaces(true);
              continue loop;
            case "&":
              n += yield* this.pushUntil(isNotAnchorChar);
              n += yield* this.pushSpaces(true);
              continue loop;
            case "-":
            // this is an error
            case "?":
            // this is an error outside flow collections
            case ":": {
              const inFlow = this.flowLevel > 0;
              const ch1 = this.charAt(1);
              if (isEmpty(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
                if (!inFlow)
                  this.indentNext = this.indentValue + 1;
                else if (this.flowKey)
                  this.flowKey = false;
                n += yield* this.pushCount(1);
                n += yield* this.pushSpaces(true);
                continue loop;
              }
            }
          }
          break loop;
        }
        return n;
      }
      *pushTag() {
        if (this.charAt(1) === "<") {
          let i = this.pos + 2;
          let ch = this.buffer[i];
          while (!isEmpty(ch) && ch !== ">")
            ch = this.buffer[++i];
          return yield* this.pushToIndex(ch === ">" ? i + 1 : i, false);
        } else {
          let i = this.pos + 1;
          let ch = this.buffer[i];
          while (ch) {
            if (tagChars.has(ch))
              ch = this.buffer[++i];
            else if (ch === "%" && hexDigits.has(this.buffer[i + 1]) && hexDigits.has(this.buffer[i + 2])) {
              ch = this.buffer[i += 3];
            } else
              break;
          }
          return yield* this.pushToIndex(i, false);
        }
      }
      *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === "\n")
          return yield* this.pushCount(1);
        else if (ch === "\r" && this.charAt(1) === "\n")
          return yield* this.pushCount(2);
        else
          return 0;
      }
      *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
          ch = this.buffer[++i];
        } while (ch === " " || allowTabs && ch === "	");
        const n = i - this.pos;
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos = i;
        }
        return n;
      }
      *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
          ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
      }
    };
    exports.Lexer = Lexer;
  }
});

// node_modules/yaml/dist/parse/line-counter.js
var require_line_counter = __commonJS({
  "node_modules/yaml/dist/parse/line-counter.js"(exports) {
    "use strict";
    var LineCounter5 = class {
      constructor() {
        this.lineStarts = [];
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        this.linePos = (offset) => {
          let low = 0;
          let high = this.lineStarts.length;
          while (low < high) {
            const mid = low + high >> 1;
            if (this.lineStarts[mid] < offset)
              low = mid + 1;
            else
              high = mid;
          }
          if (this.lineStarts[low] === offset)
            return { line: low + 1, col: 1 };
          if (low === 0)
            return { line: 0, col: offset };
          const start = this.lineStarts[low - 1];
          return { line: low, col: offset - start + 1 };
        };
      }
    };
    exports.LineCounter = LineCounter5;
  }
});

// node_modules/yaml/dist/parse/parser.js
var require_parser = __commonJS({
  "node_modules/yaml/dist/parse/parser.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var cst = require_cst();
    var lexer = require_lexer();
    function includesToken(list, type) {
      for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
          return true;
      return false;
    }
    function findNonEmptyIndex(list) {
      for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
          case "space":
          case "comment":
          case "newline":
            break;
          default:
            return i;
        }
      }
      return -1;
    }
    function isFlowToken(token) {
      switch (token?.type) {
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "flow-collection":
          return true;
        default:
          return false;
      }
    }
    function getPrevProps(parent) {
      switch (parent.type) {
        case "document":
          return parent.start;
        case "block-map": {
          const it = parent.items[parent.items.length - 1];
          return it.sep ?? it.start;
        }
        case "block-seq":
          return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
          return [];
      }
    }
    function getFirstKeyStartProps(prev) {
      if (prev.length === 0)
        return [];
      let i = prev.length;
      loop: while (--i >= 0) {
        switch (prev[i].type) {
          case "doc-start":
          case "explicit-key-ind":
          case "map-value-ind":
          case "seq-item-ind":
          case "newline":
            break loop;
        }
      }
      while (prev[++i]?.type === "space") {
      }
      return prev.splice(i, prev.length);
    }
    function arrayPushArray(target, source) {
      if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
      else
        for (let i = 0; i < source.length; ++i)
          target.push(source[i]);
    }
    function fixFlowSeqItems(fc) {
      if (fc.start.type === "flow-seq-start") {
        for (const it of fc.items) {
          if (it.sep && !it.value && !includesToken(it.start, "explicit-key-ind") && !includesToken(it.sep, "map-value-ind")) {
            if (it.key)
              it.value = it.key;
            delete it.key;
            if (isFlowToken(it.value)) {
              if (it.value.end)
                arrayPushArray(it.value.end, it.sep);
              else
                it.value.end = it.sep;
            } else
              arrayPushArray(it.start, it.sep);
            delete it.sep;
          }
        }
      }
    }
    var Parser = class {
      /**
       * @param onNewLine - If defined, called separately with the start position of
       *   each new line (in `parse()`, including the start of input).
       */
      constructor(onNewLine) {
        this.atNewLine = true;
        this.atScalar = false;
        this.indent = 0;
        this.offset = 0;
        this.onKeyLine = false;
        this.stack = [];
        this.source = "";
        this.type = "";
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
      }
      /**
       * Parse `source` as a YAML stream.
       * If `incomplete`, a part of the last line may be left as a buffer for the next call.
       *
       * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
       *
       * @returns A generator of tokens representing each directive, document, and other structure.
       */
      *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
          this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
          yield* this.next(lexeme);
        if (!incomplete)
          yield* this.end();
      }
      /**
       * Advance the parser by the `source` of one lexical token.
       */
      *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
          console.log("|", cst.prettyToken(source));
        if (this.atScalar) {
          this.atScalar = false;
          yield* this.step();
          this.offset += source.length;
          return;
        }
        const type = cst.tokenType(source);
        if (!type) {
          const message = `Not a YAML token: ${source}`;
          yield* this.pop({ type: "error", offset: this.offset, message, source });
          this.offset += source.length;
        } else if (type === "scalar") {
          this.atNewLine = false;
          this.atScalar = true;
          this.type = "scalar";
        } else {
          this.type = type;
          yield* this.step();
          switch (type) {
            case "newline":
              this.atNewLine = true;
              this.indent = 0;
              if (this.onNewLine)
                this.onNewLine(this.offset + source.length);
              break;
            case "space":
              if (this.atNewLine && source[0] === " ")
                this.indent += source.length;
              break;
            case "explicit-key-ind":
            case "map-value-ind":
            case "seq-item-ind":
              if (this.atNewLine)
                this.indent += source.length;
              break;
            case "doc-mode":
            case "flow-error-end":
              return;
            default:
              this.atNewLine = false;
          }
          this.offset += source.length;
        }
      }
      /** Call at end of input to push out any remaining constructions */
      *end() {
        while (this.stack.length > 0)
          yield* this.pop();
      }
      get sourceToken() {
        const st = {
          type: this.type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
        return st;
      }
      *step() {
        const top = this.peek(1);
        if (this.type === "doc-end" && top?.type !== "doc-end") {
          while (this.stack.length > 0)
            yield* this.pop();
          this.stack.push({
            type: "doc-end",
            offset: this.offset,
            source: this.source
          });
          return;
        }
        if (!top)
          return yield* this.stream();
        switch (top.type) {
          case "document":
            return yield* this.document(top);
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return yield* this.scalar(top);
          case "block-scalar":
            return yield* this.blockScalar(top);
          case "block-map":
            return yield* this.blockMap(top);
          case "block-seq":
            return yield* this.blockSequence(top);
          case "flow-collection":
            return yield* this.flowCollection(top);
          case "doc-end":
            return yield* this.documentEnd(top);
        }
        yield* this.pop();
      }
      peek(n) {
        return this.stack[this.stack.length - n];
      }
      *pop(error) {
        const token = error ?? this.stack.pop();
        if (!token) {
          const message = "Tried to pop an empty stack";
          yield { type: "error", offset: this.offset, source: "", message };
        } else if (this.stack.length === 0) {
          yield token;
        } else {
          const top = this.peek(1);
          if (token.type === "block-scalar") {
            token.indent = "indent" in top ? top.indent : 0;
          } else if (token.type === "flow-collection" && top.type === "document") {
            token.indent = 0;
          }
          if (token.type === "flow-collection")
            fixFlowSeqItems(token);
          switch (top.type) {
            case "document":
              top.value = token;
              break;
            case "block-scalar":
              top.props.push(token);
              break;
            case "block-map": {
              const it = top.items[top.items.length - 1];
              if (it.value) {
                top.items.push({ start: [], key: token, sep: [] });
                this.onKeyLine = true;
                return;
              } else if (it.sep) {
                it.value = token;
              } else {
                Object.assign(it, { key: token, sep: [] });
                this.onKeyLine = !it.explicitKey;
                return;
              }
              break;
            }
            case "block-seq": {
              const it = top.items[top.items.length - 1];
              if (it.value)
                top.items.push({ start: [], value: token });
              else
                it.value = token;
              break;
            }
            case "flow-collection": {
              const it = top.items[top.items.length - 1];
              if (!it || it.value)
                top.items.push({ start: [], key: token, sep: [] });
              else if (it.sep)
                it.value = token;
              else
                Object.assign(it, { key: token, sep: [] });
              return;
            }
            /* istanbul ignore next should not happen */
            default:
              yield* this.pop();
              yield* this.pop(token);
          }
          if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
            const last = token.items[token.items.length - 1];
            if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token.indent))) {
              if (top.type === "document")
                top.end = last.start;
              else
                top.items.push({ start: last.start });
              token.items.splice(-1, 1);
            }
          }
        }
      }
      *stream() {
        switch (this.type) {
          case "directive-line":
            yield { type: "directive", offset: this.offset, source: this.source };
            return;
          case "byte-order-mark":
          case "space":
          case "comment":
          case "newline":
            yield this.sourceToken;
            return;
          case "doc-mode":
          case "doc-start": {
            const doc = {
              type: "document",
              offset: this.offset,
              start: []
            };
            if (this.type === "doc-start")
              doc.start.push(this.sourceToken);
            this.stack.push(doc);
            return;
          }
        }
        yield {
          type: "error",
          offset: this.offset,
          message: `Unexpected ${this.type} token in YAML stream`,
          source: this.source
        };
      }
      *document(doc) {
        if (doc.value)
          return yield* this.lineEnd(doc);
        switch (this.type) {
          case "doc-start": {
            if (findNonEmptyIndex(doc.start) !== -1) {
              yield* this.pop();
              yield* this.step();
            } else
              doc.start.push(this.sourceToken);
            return;
          }
          case "anchor":
          case "tag":
          case "space":
          case "comment":
          case "newline":
            doc.start.push(this.sourceToken);
            return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
          this.stack.push(bv);
        else {
          yield {
            type: "error",
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML document`,
            source: this.source
          };
        }
      }
      *scalar(scalar) {
        if (this.type === "map-value-ind") {
          const prev = getPrevProps(this.peek(2));
          const start = getFirstKeyStartProps(prev);
          let sep5;
          if (scalar.end) {
            sep5 = scalar.end;
            sep5.push(this.sourceToken);
            delete scalar.end;
          } else
            sep5 = [this.sourceToken];
          const map = {
            type: "block-map",
            offset: scalar.offset,
            indent: scalar.indent,
            items: [{ start, key: scalar, sep: sep5 }]
          };
          this.onKeyLine = true;
          this.stack[this.stack.length - 1] = map;
        } else
          yield* this.lineEnd(scalar);
      }
      *blockScalar(scalar) {
        switch (this.type) {
          case "space":
          case "comment":
          case "newline":
            scalar.props.push(this.sourceToken);
            return;
          case "scalar":
            scalar.source = this.source;
            this.atNewLine = true;
            this.indent = 0;
            if (this.onNewLine) {
              let nl = this.source.indexOf("\n") + 1;
              while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf("\n", nl) + 1;
              }
            }
            yield* this.pop();
            break;
          /* istanbul ignore next should not happen */
          default:
            yield* this.pop();
            yield* this.step();
        }
      }
      *blockMap(map) {
        const it = map.items[map.items.length - 1];
        switch (this.type) {
          case "newline":
            this.onKeyLine = false;
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              it.start.push(this.sourceToken);
            }
            return;
          case "space":
          case "comment":
            if (it.value) {
              map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              if (this.atIndentedComment(it.start, map.indent)) {
                const prev = map.items[map.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  map.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
        }
        if (this.indent >= map.indent) {
          const atMapIndent = !this.onKeyLine && this.indent === map.indent;
          const atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== "seq-item-ind";
          let start = [];
          if (atNextItem && it.sep && !it.value) {
            const nl = [];
            for (let i = 0; i < it.sep.length; ++i) {
              const st = it.sep[i];
              switch (st.type) {
                case "newline":
                  nl.push(i);
                  break;
                case "space":
                  break;
                case "comment":
                  if (st.indent > map.indent)
                    nl.length = 0;
                  break;
                default:
                  nl.length = 0;
              }
            }
            if (nl.length >= 2)
              start = it.sep.splice(nl[1]);
          }
          switch (this.type) {
            case "anchor":
            case "tag":
              if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start });
                this.onKeyLine = true;
              } else if (it.sep) {
                it.sep.push(this.sourceToken);
              } else {
                it.start.push(this.sourceToken);
              }
              return;
            case "explicit-key-ind":
              if (!it.sep && !it.explicitKey) {
                it.start.push(this.sourceToken);
                it.explicitKey = true;
              } else if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start, explicitKey: true });
              } else {
                this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: [this.sourceToken], explicitKey: true }]
                });
              }
              this.onKeyLine = true;
              return;
            case "map-value-ind":
              if (it.explicitKey) {
                if (!it.sep) {
                  if (includesToken(it.start, "newline")) {
                    Object.assign(it, { key: null, sep: [this.sourceToken] });
                  } else {
                    const start2 = getFirstKeyStartProps(it.start);
                    this.stack.push({
                      type: "block-map",
                      offset: this.offset,
                      indent: this.indent,
                      items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                    });
                  }
                } else if (it.value) {
                  map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                  });
                } else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
                  const start2 = getFirstKeyStartProps(it.start);
                  const key = it.key;
                  const sep5 = it.sep;
                  sep5.push(this.sourceToken);
                  delete it.key;
                  delete it.sep;
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start2, key, sep: sep5 }]
                  });
                } else if (start.length > 0) {
                  it.sep = it.sep.concat(start, this.sourceToken);
                } else {
                  it.sep.push(this.sourceToken);
                }
              } else {
                if (!it.sep) {
                  Object.assign(it, { key: null, sep: [this.sourceToken] });
                } else if (it.value || atNextItem) {
                  map.items.push({ start, key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [], key: null, sep: [this.sourceToken] }]
                  });
                } else {
                  it.sep.push(this.sourceToken);
                }
              }
              this.onKeyLine = true;
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (atNextItem || it.value) {
                map.items.push({ start, key: fs, sep: [] });
                this.onKeyLine = true;
              } else if (it.sep) {
                this.stack.push(fs);
              } else {
                Object.assign(it, { key: fs, sep: [] });
                this.onKeyLine = true;
              }
              return;
            }
            default: {
              const bv = this.startBlockValue(map);
              if (bv) {
                if (bv.type === "block-seq") {
                  if (!it.explicitKey && it.sep && !includesToken(it.sep, "newline")) {
                    yield* this.pop({
                      type: "error",
                      offset: this.offset,
                      message: "Unexpected block-seq-ind on same line with key",
                      source: this.source
                    });
                    return;
                  }
                } else if (atMapIndent) {
                  map.items.push({ start });
                }
                this.stack.push(bv);
                return;
              }
            }
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
          case "newline":
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                seq.items.push({ start: [this.sourceToken] });
            } else
              it.start.push(this.sourceToken);
            return;
          case "space":
          case "comment":
            if (it.value)
              seq.items.push({ start: [this.sourceToken] });
            else {
              if (this.atIndentedComment(it.start, seq.indent)) {
                const prev = seq.items[seq.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  seq.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
          case "anchor":
          case "tag":
            if (it.value || this.indent <= seq.indent)
              break;
            it.start.push(this.sourceToken);
            return;
          case "seq-item-ind":
            if (this.indent !== seq.indent)
              break;
            if (it.value || includesToken(it.start, "seq-item-ind"))
              seq.items.push({ start: [this.sourceToken] });
            else
              it.start.push(this.sourceToken);
            return;
        }
        if (this.indent > seq.indent) {
          const bv = this.startBlockValue(seq);
          if (bv) {
            this.stack.push(bv);
            return;
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === "flow-error-end") {
          let top;
          do {
            yield* this.pop();
            top = this.peek(1);
          } while (top?.type === "flow-collection");
        } else if (fc.end.length === 0) {
          switch (this.type) {
            case "comma":
            case "explicit-key-ind":
              if (!it || it.sep)
                fc.items.push({ start: [this.sourceToken] });
              else
                it.start.push(this.sourceToken);
              return;
            case "map-value-ind":
              if (!it || it.value)
                fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                Object.assign(it, { key: null, sep: [this.sourceToken] });
              return;
            case "space":
            case "comment":
            case "newline":
            case "anchor":
            case "tag":
              if (!it || it.value)
                fc.items.push({ start: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                it.start.push(this.sourceToken);
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (!it || it.value)
                fc.items.push({ start: [], key: fs, sep: [] });
              else if (it.sep)
                this.stack.push(fs);
              else
                Object.assign(it, { key: fs, sep: [] });
              return;
            }
            case "flow-map-end":
            case "flow-seq-end":
              fc.end.push(this.sourceToken);
              return;
          }
          const bv = this.startBlockValue(fc);
          if (bv)
            this.stack.push(bv);
          else {
            yield* this.pop();
            yield* this.step();
          }
        } else {
          const parent = this.peek(2);
          if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep)) {
            yield* this.pop();
            yield* this.step();
          } else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            fixFlowSeqItems(fc);
            const sep5 = fc.end.splice(1, fc.end.length);
            sep5.push(this.sourceToken);
            const map = {
              type: "block-map",
              offset: fc.offset,
              indent: fc.indent,
              items: [{ start, key: fc, sep: sep5 }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
          } else {
            yield* this.lineEnd(fc);
          }
        }
      }
      flowScalar(type) {
        if (this.onNewLine) {
          let nl = this.source.indexOf("\n") + 1;
          while (nl !== 0) {
            this.onNewLine(this.offset + nl);
            nl = this.source.indexOf("\n", nl) + 1;
          }
        }
        return {
          type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
      }
      startBlockValue(parent) {
        switch (this.type) {
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return this.flowScalar(this.type);
          case "block-scalar-header":
            return {
              type: "block-scalar",
              offset: this.offset,
              indent: this.indent,
              props: [this.sourceToken],
              source: ""
            };
          case "flow-map-start":
          case "flow-seq-start":
            return {
              type: "flow-collection",
              offset: this.offset,
              indent: this.indent,
              start: this.sourceToken,
              items: [],
              end: []
            };
          case "seq-item-ind":
            return {
              type: "block-seq",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken] }]
            };
          case "explicit-key-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            start.push(this.sourceToken);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, explicitKey: true }]
            };
          }
          case "map-value-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, key: null, sep: [this.sourceToken] }]
            };
          }
        }
        return null;
      }
      atIndentedComment(start, indent2) {
        if (this.type !== "comment")
          return false;
        if (this.indent <= indent2)
          return false;
        return start.every((st) => st.type === "newline" || st.type === "space");
      }
      *documentEnd(docEnd) {
        if (this.type !== "doc-mode") {
          if (docEnd.end)
            docEnd.end.push(this.sourceToken);
          else
            docEnd.end = [this.sourceToken];
          if (this.type === "newline")
            yield* this.pop();
        }
      }
      *lineEnd(token) {
        switch (this.type) {
          case "comma":
          case "doc-start":
          case "doc-end":
          case "flow-seq-end":
          case "flow-map-end":
          case "map-value-ind":
            yield* this.pop();
            yield* this.step();
            break;
          case "newline":
            this.onKeyLine = false;
          // fallthrough
          case "space":
          case "comment":
          default:
            if (token.end)
              token.end.push(this.sourceToken);
            else
              token.end = [this.sourceToken];
            if (this.type === "newline")
              yield* this.pop();
        }
      }
    };
    exports.Parser = Parser;
  }
});

// node_modules/yaml/dist/public-api.js
var require_public_api = __commonJS({
  "node_modules/yaml/dist/public-api.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var errors = require_errors();
    var log = require_log();
    var identity = require_identity();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    function parseOptions(options) {
      const prettyErrors = options.prettyErrors !== false;
      const lineCounter$1 = options.lineCounter || prettyErrors && new lineCounter.LineCounter() || null;
      return { lineCounter: lineCounter$1, prettyErrors };
    }
    function parseAllDocuments3(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      const docs = Array.from(composer$1.compose(parser$1.parse(source)));
      if (prettyErrors && lineCounter2)
        for (const doc of docs) {
          doc.errors.forEach(errors.prettifyError(source, lineCounter2));
          doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
        }
      if (docs.length > 0)
        return docs;
      return Object.assign([], { empty: true }, composer$1.streamInfo());
    }
    function parseDocument5(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      let doc = null;
      for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
          doc = _doc;
        else if (doc.options.logLevel !== "silent") {
          doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
          break;
        }
      }
      if (prettyErrors && lineCounter2) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter2));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
      }
      return doc;
    }
    function parse6(src, reviver, options) {
      let _reviver = void 0;
      if (typeof reviver === "function") {
        _reviver = reviver;
      } else if (options === void 0 && reviver && typeof reviver === "object") {
        options = reviver;
      }
      const doc = parseDocument5(src, options);
      if (!doc)
        return null;
      doc.warnings.forEach((warning) => log.warn(doc.options.logLevel, warning));
      if (doc.errors.length > 0) {
        if (doc.options.logLevel !== "silent")
          throw doc.errors[0];
        else
          doc.errors = [];
      }
      return doc.toJS(Object.assign({ reviver: _reviver }, options));
    }
    function stringify6(value, replacer, options) {
      let _replacer = null;
      if (typeof replacer === "function" || Array.isArray(replacer)) {
        _replacer = replacer;
      } else if (options === void 0 && replacer) {
        options = replacer;
      }
      if (typeof options === "string")
        options = options.length;
      if (typeof options === "number") {
        const indent2 = Math.round(options);
        options = indent2 < 1 ? void 0 : indent2 > 8 ? { indent: 8 } : { indent: indent2 };
      }
      if (value === void 0) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
          return void 0;
      }
      if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
      return new Document.Document(value, _replacer, options).toString(options);
    }
    exports.parse = parse6;
    exports.parseAllDocuments = parseAllDocuments3;
    exports.parseDocument = parseDocument5;
    exports.stringify = stringify6;
  }
});

// node_modules/yaml/dist/index.js
var require_dist = __commonJS({
  "node_modules/yaml/dist/index.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var Schema3 = require_Schema();
    var errors = require_errors();
    var Alias = require_Alias();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var cst = require_cst();
    var lexer = require_lexer();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    var publicApi = require_public_api();
    var visit3 = require_visit();
    exports.Composer = composer.Composer;
    exports.Document = Document.Document;
    exports.Schema = Schema3.Schema;
    exports.YAMLError = errors.YAMLError;
    exports.YAMLParseError = errors.YAMLParseError;
    exports.YAMLWarning = errors.YAMLWarning;
    exports.Alias = Alias.Alias;
    exports.isAlias = identity.isAlias;
    exports.isCollection = identity.isCollection;
    exports.isDocument = identity.isDocument;
    exports.isMap = identity.isMap;
    exports.isNode = identity.isNode;
    exports.isPair = identity.isPair;
    exports.isScalar = identity.isScalar;
    exports.isSeq = identity.isSeq;
    exports.Pair = Pair.Pair;
    exports.Scalar = Scalar.Scalar;
    exports.YAMLMap = YAMLMap.YAMLMap;
    exports.YAMLSeq = YAMLSeq.YAMLSeq;
    exports.CST = cst;
    exports.Lexer = lexer.Lexer;
    exports.LineCounter = lineCounter.LineCounter;
    exports.Parser = parser.Parser;
    exports.parse = publicApi.parse;
    exports.parseAllDocuments = publicApi.parseAllDocuments;
    exports.parseDocument = publicApi.parseDocument;
    exports.stringify = publicApi.stringify;
    exports.visit = visit3.visit;
    exports.visitAsync = visit3.visitAsync;
  }
});

// node_modules/ignore/index.js
var require_ignore = __commonJS({
  "node_modules/ignore/index.js"(exports, module) {
    function makeArray(subject) {
      return Array.isArray(subject) ? subject : [subject];
    }
    var UNDEFINED = void 0;
    var EMPTY = "";
    var SPACE = " ";
    var ESCAPE = "\\";
    var REGEX_LITERAL_SPECIAL = /[.*+?()[\]{}^$|\\/]/;
    var BOM = "\uFEFF";
    var REGEX_ANCHORED_GLOBSTAR = /^\/\*{2,}$/;
    var REGEX_REPLACE_LEADING_EXCAPED_EXCLAMATION = /^\\!/;
    var REGEX_REPLACE_LEADING_EXCAPED_HASH = /^\\#/;
    var REGEX_SPLITALL_CRLF = /\r?\n/g;
    var DOUBLE_SLASH = "//";
    var SLASH_CODE = 47;
    var DOT_CODE = 46;
    var SLASH = "/";
    var TMP_KEY_IGNORE = "node-ignore";
    if (typeof Symbol !== "undefined") {
      TMP_KEY_IGNORE = /* @__PURE__ */ Symbol.for("node-ignore");
    }
    var KEY_IGNORE = TMP_KEY_IGNORE;
    var define = (object, key, value) => {
      Object.defineProperty(object, key, { value });
      return value;
    };
    var RETURN_FALSE = () => false;
    var POSIX_CLASSES = {
      alnum: "0-9A-Za-z",
      alpha: "A-Za-z",
      blank: " \\t",
      cntrl: "\\x00-\\x1f\\x7f",
      digit: "0-9",
      graph: "!-.0-~",
      lower: "a-z",
      print: " -.0-~",
      punct: "!-.:-@\\[-`{-~",
      // git's `sane-ctype.h` classifies \v and \f as control, not space,
      //   unlike C's `isspace`
      space: " \\t\\n\\r",
      upper: "A-Z",
      xdigit: "0-9A-Fa-f"
    };
    var CLASS_MEMBERS_TO_ESCAPE = "\\]^-[";
    var escapeMember = (char) => CLASS_MEMBERS_TO_ESCAPE.indexOf(char) < 0 ? char : ESCAPE + char;
    var NON_SLASH = "(?!\\/)";
    var classSource = (negated, body) => {
      if (negated) {
        return `[^\\/${body}]`;
      }
      const source = `[${body}]`;
      return new RegExp(source).test("/") ? NON_SLASH + source : source;
    };
    var scanBracket = (pattern, start) => {
      const { length } = pattern;
      let index = start + 1;
      let negated = EMPTY;
      const lead = pattern[index];
      if (lead === "!" || lead === "^") {
        negated = "^";
        index++;
      }
      let body = EMPTY;
      let prev = EMPTY;
      for (; ; ) {
        const char = pattern[index];
        if (char === UNDEFINED) {
          return null;
        }
        if (char === ESCAPE) {
          const escaped = pattern[++index];
          body += escapeMember(escaped);
          prev = escaped;
        } else if (char === "-" && prev && index + 1 < length && pattern[index + 1] !== "]") {
          index++;
          let to = pattern[index];
          if (to === ESCAPE) {
            to = pattern[index += 1];
          }
          if (prev <= to) {
            body += `-${escapeMember(to)}`;
          }
          prev = EMPTY;
        } else if (char === "[" && pattern[index + 1] === ":") {
          const nameStart = index + 2;
          let end = nameStart;
          while (end < length && pattern[end] !== "]") {
            end++;
          }
          if (end === length) {
            return null;
          }
          if (end > nameStart && pattern[end - 1] === ":") {
            const name = pattern.slice(nameStart, end - 1);
            if (!Object.prototype.hasOwnProperty.call(POSIX_CLASSES, name)) {
              return null;
            }
            body += POSIX_CLASSES[name];
            prev = EMPTY;
            index = end;
          } else {
            body += escapeMember("[");
            prev = "[";
            index = nameStart - 2;
          }
        } else {
          body += escapeMember(char);
          prev = char;
        }
        index++;
        if (pattern[index] === "]") {
          return {
            end: index,
            source: classSource(negated, body)
          };
        }
      }
    };
    var NEVER_MATCH = "[]";
    var PLACEHOLDER = "\0";
    var REGEX_RESTORE_PLACEHOLDER = new RegExp(
      `${PLACEHOLDER}(\\d+)${PLACEHOLDER}`,
      "g"
    );
    var TRAILING_WILDCARD = "\uE000";
    var TRAILING_DOUBLESTAR = "\uE001";
    var isReserved = (char) => char === PLACEHOLDER || char === TRAILING_WILDCARD || char === TRAILING_DOUBLESTAR;
    var extractBrackets = (pattern) => {
      const sources = [];
      const hold = (source) => `${PLACEHOLDER}${sources.push(source) - 1}${PLACEHOLDER}`;
      const { length } = pattern;
      let out = EMPTY;
      let index = 0;
      while (index < length) {
        const char = pattern[index];
        if (char === ESCAPE) {
          const escaped = pattern[index + 1];
          if (escaped === SLASH && index + 2 === length) {
            out += hold(NEVER_MATCH);
          } else if (escaped === "*" || escaped === "[" || escaped === SPACE) {
            out += pattern.slice(index, index + 2);
          } else {
            out += hold(
              REGEX_LITERAL_SPECIAL.test(escaped) ? ESCAPE + escaped : isReserved(escaped) ? `[${escaped}]` : escaped
            );
          }
          index += 2;
        } else if (isReserved(char)) {
          out += hold(`[${char}]`);
          index++;
        } else if (char === "[") {
          const scanned = scanBracket(pattern, index);
          if (scanned === null) {
            out += hold(NEVER_MATCH);
            index = length;
          } else {
            out += hold(scanned.source);
            index = scanned.end + 1;
          }
        } else {
          out += char;
          index++;
        }
      }
      return {
        source: out,
        sources
      };
    };
    var DIRECT = null;
    var REGEX_INNER_SLASH = /\/(?!$)/;
    var WILDCARD = "[^\\/]*";
    var REPLACERS = [
      // Replace (\ ) with ' '
      // Only a space: an escaped tab or other whitespace is already a literal by
      //   the time it reaches here, and a bare tab must be left as one, not turned
      //   into a space.
      // (\ ) -> ' '
      // (\\ ) -> '\\ '
      // (\\\ ) -> '\\ '
      [
        // A run of backslashes is taken whole, from its first one, so no match
        //   ever starts again inside it -- `(\\+?) ` did, which made a long run
        //   quadratic.
        /(\\+)( ?)/g,
        (_, run, space) => space ? run.slice(0, run.length - run.length % 2) + SPACE : run,
        ESCAPE + SPACE
      ],
      // git's wildmatch() reads a run of two or more asterisks as one globstar
      //   whenever the run fills a path segment: it starts the pattern or follows
      //   a `/`, and it ends the pattern or comes before a `/`. A run of two is
      //   already `**`; a longer one is folded into `**` here, so the steps
      //   below only ever have to know `**`.
      // `***/foo` -> `**/foo`, `a/***/b` -> `a/**/b`, `a/***` -> `a/**`
      // git also takes a run beside a literal prefix (`a***/b`) or beside an
      //   escaped slash (`***\/b`) as a globstar, and this does not; the README
      //   lists both, under "A run of asterisks".
      [
        /(^|\/)\*{3,}(?=\/|$)/g,
        (_, start) => `${start}**`,
        "*"
      ],
      // Escape metacharacters
      // which is written down by users but means special for regular expressions.
      // > There are 12 characters with special meanings:
      // > - the backslash \,
      // > - the caret ^,
      // > - the dollar sign $,
      // > - the period or dot .,
      // > - the vertical bar or pipe symbol |,
      // > - the question mark ?,
      // > - the asterisk or star *,
      // > - the plus sign +,
      // > - the opening parenthesis (,
      // > - the closing parenthesis ),
      // > - and the opening square bracket [,
      // > - the opening curly brace {,
      // > These special characters are often called "metacharacters".
      [
        /[\\$.|*+(){^]/g,
        (match2) => `\\${match2}`
      ],
      [
        // > a question mark (?) matches a single character
        /(?!\\)\?/g,
        () => "[^/]",
        "?"
      ],
      // leading slash
      [
        // > A leading slash matches the beginning of the pathname.
        // > For example, "/*.c" matches "cat-file.c" but not "mozilla-sha1/sha1.c".
        // A leading slash matches the beginning of the pathname
        /^\//,
        () => "^",
        SLASH
      ],
      // replace special metacharacter slash after the leading slash
      [
        /\//g,
        () => "\\/",
        SLASH
      ],
      [
        // > A leading "**" followed by a slash means match in all directories.
        // > For example, "**/foo" matches file or directory "foo" anywhere,
        // > the same as pattern "foo".
        // > "**/foo/bar" matches file or directory "bar" anywhere that is directly
        // >   under directory "foo".
        // Notice that the '*'s have been replaced as '\\*'
        /^\^*(?:\\\*\\\*\\\/)+/,
        // '**/foo' <-> 'foo'
        () => "(?:^|\\/)",
        "*"
      ],
      // starting
      [
        // there will be no leading '/'
        //   (which has been replaced by section "leading slash")
        // If starts with '**', adding a '^' to the regular expression also works
        DIRECT,
        (source, pattern) => {
          if (!source || source[0] === "^" || source[0] === "(") {
            return source;
          }
          const anchor = !REGEX_INNER_SLASH.test(pattern) ? "(?:^|\\/)" : "^";
          return anchor + source;
        }
      ],
      // two globstars
      [
        // Use lookahead assertions so that we could match more than one `'/**'`
        /\\\/\\\*\\\*(?=\\\/|$)/g,
        // Zero, one or several directories
        // should not use '*', or it will be replaced by the next replacer
        // Check if it is not the last `'/**'`
        (_, index, str) => index + 6 < str.length ? str.slice(index + 6) === "\\/" ? "(?:\\/[^\\/]+)+" : "(?:\\/[^\\/]+)*" : `\\/${TRAILING_DOUBLESTAR}`,
        "*"
      ],
      // normal intermediate wildcards
      [
        // Never replace escaped '*'
        // ignore rule '\*' will match the path '*'
        // 'abc.*/' -> go
        // 'abc.*'  -> skip this rule,
        //    coz trailing single wildcard will be handed by [trailing wildcard]
        /(^|[^\\])(?:\\\*)+(?!$)/g,
        // '*.js' matches '.js'
        // '*.js' doesn't match 'abc'
        // 1. An asterisk "*" matches anything except a slash.
        // 2. Other consecutive asterisks are considered regular asterisks
        //    and collapse into one non-slash wildcard run.
        (_, p1) => p1 + WILDCARD,
        "*"
      ],
      // trailing wildcard, held apart from a literal star
      [
        // The step above leaves a trailing `*` alone, so a single `\*` is all that
        //   can be left at the end here, and what stands in front of it says which
        //   kind it is. A wildcard arrives as the escaper wrote it, `\*` with
        //   nothing before it; a literal arrives as the user's own escape, which
        //   the escaper doubled, and then the star's own -- `\\` and then `\*`.
        //   There is no third case: every backslash still reaching the chain is
        //   one `\*`, `\[` or `\ ` carries itself, and each is followed by its
        //   own character, so a longer run can never form. This runs while the
        //   two are still distinct, before the unescape steps below collapse the
        //   literal onto the very `\*` a wildcard leaves behind.
        /(^|[^\\])((?:\\\\)*)\\\*$/,
        (match2, p1, p2) => p2 === EMPTY ? p1 + TRAILING_WILDCARD : match2,
        "*"
      ],
      [
        // unescape, revert step 3 except for back slash
        // For example, if a user escape a '\\*',
        // after step 3, the result will be '\\\\\\*'
        /\\\\\\(?=[$.|*+(){^])/g,
        () => ESCAPE,
        ESCAPE + ESCAPE
      ],
      [
        // '\\\\' -> '\\'
        /\\\\/g,
        () => ESCAPE,
        ESCAPE + ESCAPE
      ],
      [
        // Every real bracket expression -- POSIX classes included -- has already
        //   been held aside by `extractBrackets`, so the only `[` left in the
        //   pattern is an escaped, literal one.
        // A backslash could only stand at the end of the range if it quoted the
        //   `]`, and `\]` is held aside long before this.
        /\\\[([^\]/]*?)($|\])/g,
        // '\\[bar]' -> '\\\\[bar]'
        (match2, range2, close) => `\\[${range2}${close}`,
        "["
      ],
      // ending
      [
        // 'js' will not match 'js.'
        // 'ab' will not match 'abc'
        DIRECT,
        // WTF!
        // https://git-scm.com/docs/gitignore
        // changes in [2.22.1](https://git-scm.com/docs/gitignore/2.22.1)
        // which re-fixes #24, #38
        // > If there is a separator at the end of the pattern then the pattern
        // > will only match directories, otherwise the pattern can match both
        // > files and directories.
        // 'js*' will not match 'a.js'
        // 'js/' will not match 'a.js'
        // 'js' will match 'a.js' and 'a.js/'
        (source) => {
          const last = source[source.length - 1];
          if (!last || last === TRAILING_WILDCARD || last === TRAILING_DOUBLESTAR) {
            return source;
          }
          return last === SLASH ? `${source}$` : `${source}(?=$|\\/$)`;
        }
      ]
    ];
    var REGEX_REPLACE_TRAILING_WILDCARD = /(^|\\\/)?\uE000$/;
    var MODE_IGNORE = "regex";
    var MODE_CHECK_IGNORE = "checkRegex";
    var UNDERSCORE = "_";
    var replaceTrailingWildcard = (_, p1) => {
      const prefix2 = p1 ? `${p1}[^/]+` : "[^/]*";
      return `${prefix2}(?=$|\\/$)`;
    };
    var REGEX_REPLACE_TRAILING_DOUBLESTAR = /\uE001$/;
    var replaceTrailingDoublestar = () => "[\\s\\S]";
    var separatorAfter = (run, at) => {
      let separator = EMPTY;
      for (let index = at + 1; index < run.length && !run[index].wildcard; index++) {
        separator += run[index].single;
      }
      return separator;
    };
    var pinWildcards = (source) => {
      if (source.indexOf(WILDCARD) < 0) {
        return source;
      }
      const tokens = [];
      const { length } = source;
      let index = 0;
      while (index < length) {
        const char = source[index];
        if (source.startsWith(WILDCARD, index)) {
          tokens.push({ wildcard: true });
          index += WILDCARD.length;
        } else if (char === "[") {
          let end = index + 1;
          if (source[end] === "^") {
            end++;
          }
          if (source[end] === "]") {
            end++;
          }
          while (end < length && source[end] !== "]") {
            end += source[end] === ESCAPE ? 2 : 1;
          }
          end++;
          tokens.push({ single: source.slice(index, end) });
          index = end;
        } else if (char === ESCAPE) {
          tokens.push({ single: source.slice(index, index + 2) });
          index += 2;
        } else if (char === "(") {
          let depth = 0;
          let end = index;
          do {
            if (source[end] === ESCAPE) {
              end++;
            } else if (source[end] === "(") {
              depth++;
            } else if (source[end] === ")") {
              depth--;
            }
            end++;
          } while (end < length && depth > 0);
          if ("*+?".indexOf(source[end]) >= 0) {
            end++;
          }
          tokens.push({ boundary: source.slice(index, end) });
          index = end;
        } else if (char === "^" || char === "$") {
          tokens.push({ boundary: char });
          index++;
        } else {
          tokens.push({ single: char });
          index++;
        }
      }
      let out = EMPTY;
      let run = [];
      const flush = () => {
        let lastWildcard;
        run.forEach((token, at) => {
          if (token.wildcard) {
            lastWildcard = at;
          }
        });
        run.forEach((token, at) => {
          if (!token.wildcard) {
            out += token.single;
            return;
          }
          out += at === lastWildcard ? WILDCARD : `(?:(?!${separatorAfter(run, at)})[^\\/])*`;
        });
        run = [];
      };
      tokens.forEach((token) => {
        if (token.boundary === void 0) {
          run.push(token);
          return;
        }
        flush();
        out += token.boundary;
      });
      flush();
      return out;
    };
    var makeRegexPrefix = (pattern) => {
      if (REGEX_ANCHORED_GLOBSTAR.test(pattern)) {
        pattern = "**";
      }
      const { source, sources } = extractBrackets(pattern);
      const replaced = REPLACERS.reduce(
        // A pass whose matcher finds nothing hands back the very string it was
        //   given, so asking first costs a search and saves a rewrite. Ten of the
        //   fifteen passes never fire for a typical .gitignore line, and between
        //   them they were 45% of this chain.
        (prev, [matcher, replacer, required]) => {
          if (matcher === DIRECT) {
            return replacer(prev, pattern);
          }
          if (required !== UNDEFINED && prev.indexOf(required) < 0) {
            return prev;
          }
          return matcher.test(prev) ? prev.replace(matcher, replacer.bind(pattern)) : prev;
        },
        source
      );
      return sources.length ? replaced.replace(
        REGEX_RESTORE_PLACEHOLDER,
        (match2, index) => sources[index]
      ) : replaced;
    };
    var checkSourceOf = (body, prefix2) => {
      if (body[body.length - 1] === SLASH) {
        prefix2 = makeRegexPrefix(body.slice(0, -1));
      }
      const head = prefix2.slice(0, -1);
      const last = prefix2[prefix2.length - 1];
      return last === TRAILING_WILDCARD ? `${head}$` : last === TRAILING_DOUBLESTAR ? head : NEVER_MATCH;
    };
    var matchesBasename = (body) => {
      const index = body.indexOf(SLASH);
      return index < 0 || index === body.length - 1;
    };
    var basenameOf = (path2) => {
      const end = path2.length - 1;
      const index = path2.lastIndexOf(
        SLASH,
        path2[end] === SLASH ? end - 1 : end
      );
      return index < 0 ? path2 : path2.slice(index + 1);
    };
    var parentOf = (path2) => {
      if (path2.charCodeAt(0) === SLASH_CODE || path2.indexOf(DOUBLE_SLASH) >= 0) {
        const slices = path2.split(SLASH).filter(Boolean);
        slices.pop();
        return slices.length ? slices.join(SLASH) + SLASH : EMPTY;
      }
      const end = path2.length - 1;
      const cut = path2.lastIndexOf(
        SLASH,
        path2.charCodeAt(end) === SLASH_CODE ? end - 1 : end
      );
      return cut < 0 ? EMPTY : path2.slice(0, cut + 1);
    };
    var isString = (subject) => typeof subject === "string";
    var checkPattern = (pattern) => pattern && isString(pattern);
    var splitPattern = (pattern) => (pattern[pattern.length - 1] === "\r" ? pattern.slice(0, -1) : pattern).split(REGEX_SPLITALL_CRLF).filter(Boolean);
    var IgnoreRule = class {
      constructor(pattern, mark, body, ignoreCase, negative, prefix2) {
        this.pattern = pattern;
        this.mark = mark;
        this.negative = negative;
        define(this, "body", body);
        define(this, "ignoreCase", ignoreCase);
        define(this, "regexPrefix", prefix2);
      }
      // Worked out on first use and kept behind an own property, the way `regex`
      //   caches itself in `_regex`. Deciding it in the constructor instead would
      //   add a fourth `defineProperty` to every rule ever built, which cost 4% of
      //   every compile -- including the compiles of rules that are never matched
      //   against anything.
      get _basenameOnly() {
        return define(this, "_basenameOnly", matchesBasename(this.body));
      }
      get regex() {
        const key = UNDERSCORE + MODE_IGNORE;
        if (this[key]) {
          return this[key];
        }
        return this._make(MODE_IGNORE, key);
      }
      get checkRegex() {
        const key = UNDERSCORE + MODE_CHECK_IGNORE;
        if (this[key]) {
          return this[key];
        }
        return this._make(MODE_CHECK_IGNORE, key);
      }
      _make(mode, key) {
        const str = pinWildcards(
          mode === MODE_IGNORE ? this.regexPrefix.replace(REGEX_REPLACE_TRAILING_WILDCARD, replaceTrailingWildcard).replace(REGEX_REPLACE_TRAILING_DOUBLESTAR, replaceTrailingDoublestar) : checkSourceOf(this.body, this.regexPrefix)
        );
        const regex = this.ignoreCase ? new RegExp(str, "i") : new RegExp(str);
        return define(this, key, regex);
      }
    };
    var hasTrailingBackslash = (str) => {
      let count = 0;
      while (str[str.length - count - 1] === ESCAPE) {
        count++;
      }
      return count % 2 === 1;
    };
    var trimEnd = (body, stripLineEnd) => {
      let lineEnd = body.length;
      let end;
      for (; ; ) {
        if (stripLineEnd && body[lineEnd - 1] === "\r") {
          lineEnd--;
        }
        end = lineEnd;
        while (body[end - 1] === SPACE) {
          end--;
        }
        if (!stripLineEnd || body[end - 1] !== "\n") {
          break;
        }
        lineEnd = end - 1;
      }
      if (end === lineEnd) {
        return body.slice(0, lineEnd);
      }
      let backslashes = 0;
      while (body[end - backslashes - 1] === ESCAPE) {
        backslashes++;
      }
      return backslashes % 2 ? body.slice(0, end - 1) + SPACE : body.slice(0, end);
    };
    var createRule = (pattern, mark, ignoreCase, stripLineEnd, stripBOM) => {
      let body = stripBOM && pattern[0] === BOM ? pattern.slice(1) : pattern;
      if (body[0] === "#") {
        return;
      }
      let negative = false;
      if (body[0] === "!") {
        negative = true;
        body = body.slice(1);
      }
      const last = body[body.length - 1];
      if (last === SPACE || stripLineEnd && (last === "\r" || last === "\n")) {
        body = trimEnd(body, stripLineEnd);
      }
      if (!body || hasTrailingBackslash(body)) {
        return;
      }
      body = body.replace(REGEX_REPLACE_LEADING_EXCAPED_EXCLAMATION, "!").replace(REGEX_REPLACE_LEADING_EXCAPED_HASH, "#");
      const regexPrefix = makeRegexPrefix(body);
      return new IgnoreRule(
        pattern,
        mark,
        body,
        ignoreCase,
        negative,
        regexPrefix
      );
    };
    var RuleManager = class {
      constructor(ignoreCase) {
        this._ignoreCase = ignoreCase;
        this._rules = [];
        this._basenameCount = 0;
      }
      _add(pattern, index) {
        if (pattern && pattern[KEY_IGNORE]) {
          this._rules = this._rules.concat(pattern._rules._rules);
          this._basenameCount += pattern._rules._basenameCount;
          this._added = true;
          return;
        }
        const isStr = isString(pattern);
        const raw = isStr ? pattern : pattern.pattern;
        const rule = checkPattern(raw) && createRule(
          raw,
          isStr ? UNDEFINED : pattern.mark,
          this._ignoreCase,
          !this._split,
          this._stripBOM && !index
        );
        if (rule) {
          this._added = true;
          this._rules.push(rule);
          if (matchesBasename(rule.body)) {
            this._basenameCount++;
          }
        }
      }
      // @param {Array<string> | string | Ignore} pattern
      add(pattern) {
        this._added = false;
        this._split = isString(pattern);
        this._stripBOM = !this._split || pattern[0] === BOM;
        makeArray(
          this._split ? splitPattern(pattern) : pattern
        ).forEach(this._add, this);
        if (this._added) {
          this._literalRules = UNDEFINED;
        }
        return this._added;
      }
      // Match the literal 'abc/' for `checkIgnore`, last rule wins. Only a rule
      //   ending in a wildcard can match it (see `checkSourceOf`), so the rest
      //   are left out once, rather than tested or compiled for every path.
      testLiteral(path2) {
        const rules = this._literalRules || (this._literalRules = this._rules.filter(
          ({ body }) => body[body.length - (body[body.length - 1] === SLASH ? 2 : 1)] === "*"
        ));
        let ignored = false;
        let unignored = false;
        let matchedRule;
        for (let index = rules.length - 1; index >= 0; index--) {
          const rule = rules[index];
          if (rule.checkRegex.test(path2)) {
            ignored = !rule.negative;
            unignored = rule.negative;
            matchedRule = rule.negative ? UNDEFINED : rule;
            break;
          }
        }
        const ret = {
          ignored,
          unignored
        };
        if (matchedRule) {
          ret.rule = matchedRule;
        }
        return ret;
      }
      // Test one single path without recursively checking parent directories
      //
      // - mode `string` either `MODE_IGNORE` or `MODE_CHECK_IGNORE`
      // @returns {TestResult}
      test(path2, mode) {
        const rules = this._rules;
        const { length } = rules;
        const shortcut = this._basenameCount * 2 >= length;
        const basename4 = shortcut ? basenameOf(path2) : path2;
        for (let index = length - 1; index >= 0; index--) {
          const rule = rules[index];
          if (rule[mode].test(
            shortcut && rule._basenameOnly ? basename4 : path2
          )) {
            const { negative } = rule;
            const ret = {
              ignored: !negative,
              unignored: negative
            };
            if (!negative) {
              ret.rule = rule;
            }
            return ret;
          }
        }
        return {
          ignored: false,
          unignored: false
        };
      }
    };
    var throwError2 = (message, Ctor) => {
      throw new Ctor(message);
    };
    var checkPath = (path2, originalPath, doThrow) => {
      if (!isString(path2)) {
        return doThrow(
          `path must be a string, but got \`${originalPath}\``,
          TypeError
        );
      }
      if (!path2) {
        return doThrow(`path must not be empty`, TypeError);
      }
      if (checkPath.isNotRelative(path2)) {
        const r = "`path.relative()`d";
        return doThrow(
          `path should be a ${r} string, but got "${originalPath}"`,
          RangeError
        );
      }
      return true;
    };
    var isNotRelative = (path2) => {
      const first = path2.charCodeAt(0);
      if (first === SLASH_CODE) {
        return true;
      }
      if (first !== DOT_CODE) {
        return false;
      }
      if (path2.length === 1) {
        return true;
      }
      const second = path2.charCodeAt(1);
      if (second === SLASH_CODE) {
        return true;
      }
      if (second !== DOT_CODE) {
        return false;
      }
      return path2.length === 2 || path2.charCodeAt(2) === SLASH_CODE;
    };
    checkPath.isNotRelative = isNotRelative;
    checkPath.convert = (p) => p;
    var convertPath = (target) => isString(target) && checkPath.convert(target);
    var Ignore = class {
      constructor({
        ignorecase = true,
        ignoreCase = ignorecase,
        allowRelativePaths = false
      } = {}) {
        define(this, KEY_IGNORE, true);
        this._rules = new RuleManager(ignoreCase);
        this._strictPathCheck = !allowRelativePaths;
        this._initCache();
      }
      _initCache() {
        this._ignoreCache = /* @__PURE__ */ Object.create(null);
        this._testCache = /* @__PURE__ */ Object.create(null);
      }
      add(pattern) {
        if (this._rules.add(pattern)) {
          this._initCache();
        }
        return this;
      }
      // legacy
      addPattern(pattern) {
        return this.add(pattern);
      }
      // @returns {TestResult}
      _test(originalPath, cache2, path2) {
        checkPath(
          path2,
          originalPath,
          this._strictPathCheck ? throwError2 : RETURN_FALSE
        );
        return path2 ? this._t(path2, cache2) : {
          ignored: false,
          unignored: false
        };
      }
      checkIgnore(target) {
        const path2 = convertPath(target);
        if (!path2 || path2.charCodeAt(path2.length - 1) !== SLASH_CODE) {
          return this._test(target, this._testCache, path2);
        }
        const dir = this._t(path2, this._testCache);
        if (dir.ignored) {
          return dir;
        }
        const literal2 = this._rules.testLiteral(path2);
        return literal2.ignored || literal2.unignored ? literal2 : dir;
      }
      _t(path2, cache2) {
        if (path2 in cache2) {
          return cache2[path2];
        }
        const parentPath = parentOf(path2);
        const parent = parentPath ? this._t(parentPath, cache2) : UNDEFINED;
        return cache2[path2] = parent && parent.ignored ? parent : this._rules.test(path2, MODE_IGNORE);
      }
      ignores(path2) {
        return this._test(path2, this._ignoreCache, convertPath(path2)).ignored;
      }
      createFilter() {
        return (path2) => !this.ignores(path2);
      }
      filter(paths) {
        return makeArray(paths).filter(this.createFilter());
      }
      // @returns {TestResult}
      test(path2) {
        return this._test(path2, this._testCache, convertPath(path2));
      }
    };
    var factory = (options) => new Ignore(options);
    var isPathValid = (path2) => checkPath(convertPath(path2), path2, RETURN_FALSE);
    var setupWindows = () => {
      const makePosix = (str) => /^\\\\\?\\/.test(str) || /["<>|\u0000-\u001F]+/u.test(str) ? str : str.replace(/\\/g, "/");
      checkPath.convert = makePosix;
      const REGEX_TEST_WINDOWS_PATH_ABSOLUTE = /^[a-z]:\//i;
      checkPath.isNotRelative = (path2) => REGEX_TEST_WINDOWS_PATH_ABSOLUTE.test(path2) || isNotRelative(path2);
    };
    if (
      // Detect `process` so that it can run in browsers.
      typeof process !== "undefined" && process.platform === "win32"
    ) {
      setupWindows();
    }
    module.exports = factory;
    factory.default = factory;
    module.exports.isPathValid = isPathValid;
    define(module.exports, /* @__PURE__ */ Symbol.for("setupWindows"), setupWindows);
  }
});

// node_modules/fast-json-patch/commonjs/helpers.js
var require_helpers = __commonJS({
  "node_modules/fast-json-patch/commonjs/helpers.js"(exports) {
    var __extends = exports && exports.__extends || /* @__PURE__ */ (function() {
      var extendStatics = function(d, b) {
        extendStatics = Object.setPrototypeOf || { __proto__: [] } instanceof Array && function(d2, b2) {
          d2.__proto__ = b2;
        } || function(d2, b2) {
          for (var p in b2) if (b2.hasOwnProperty(p)) d2[p] = b2[p];
        };
        return extendStatics(d, b);
      };
      return function(d, b) {
        extendStatics(d, b);
        function __() {
          this.constructor = d;
        }
        d.prototype = b === null ? Object.create(b) : (__.prototype = b.prototype, new __());
      };
    })();
    Object.defineProperty(exports, "__esModule", { value: true });
    var _hasOwnProperty = Object.prototype.hasOwnProperty;
    function hasOwnProperty(obj, key) {
      return _hasOwnProperty.call(obj, key);
    }
    exports.hasOwnProperty = hasOwnProperty;
    function _objectKeys(obj) {
      if (Array.isArray(obj)) {
        var keys_1 = new Array(obj.length);
        for (var k = 0; k < keys_1.length; k++) {
          keys_1[k] = "" + k;
        }
        return keys_1;
      }
      if (Object.keys) {
        return Object.keys(obj);
      }
      var keys = [];
      for (var i in obj) {
        if (hasOwnProperty(obj, i)) {
          keys.push(i);
        }
      }
      return keys;
    }
    exports._objectKeys = _objectKeys;
    function _deepClone(obj) {
      switch (typeof obj) {
        case "object":
          return JSON.parse(JSON.stringify(obj));
        //Faster than ES5 clone - http://jsperf.com/deep-cloning-of-objects/5
        case "undefined":
          return null;
        //this is how JSON.stringify behaves for array items
        default:
          return obj;
      }
    }
    exports._deepClone = _deepClone;
    function isInteger(str) {
      var i = 0;
      var len = str.length;
      var charCode;
      while (i < len) {
        charCode = str.charCodeAt(i);
        if (charCode >= 48 && charCode <= 57) {
          i++;
          continue;
        }
        return false;
      }
      return true;
    }
    exports.isInteger = isInteger;
    function escapePathComponent(path2) {
      if (path2.indexOf("/") === -1 && path2.indexOf("~") === -1)
        return path2;
      return path2.replace(/~/g, "~0").replace(/\//g, "~1");
    }
    exports.escapePathComponent = escapePathComponent;
    function unescapePathComponent(path2) {
      return path2.replace(/~1/g, "/").replace(/~0/g, "~");
    }
    exports.unescapePathComponent = unescapePathComponent;
    function _getPathRecursive(root, obj) {
      var found;
      for (var key in root) {
        if (hasOwnProperty(root, key)) {
          if (root[key] === obj) {
            return escapePathComponent(key) + "/";
          } else if (typeof root[key] === "object") {
            found = _getPathRecursive(root[key], obj);
            if (found != "") {
              return escapePathComponent(key) + "/" + found;
            }
          }
        }
      }
      return "";
    }
    exports._getPathRecursive = _getPathRecursive;
    function getPath(root, obj) {
      if (root === obj) {
        return "/";
      }
      var path2 = _getPathRecursive(root, obj);
      if (path2 === "") {
        throw new Error("Object not found in root");
      }
      return "/" + path2;
    }
    exports.getPath = getPath;
    function hasUndefined(obj) {
      if (obj === void 0) {
        return true;
      }
      if (obj) {
        if (Array.isArray(obj)) {
          for (var i_1 = 0, len = obj.length; i_1 < len; i_1++) {
            if (hasUndefined(obj[i_1])) {
              return true;
            }
          }
        } else if (typeof obj === "object") {
          var objKeys = _objectKeys(obj);
          var objKeysLength = objKeys.length;
          for (var i = 0; i < objKeysLength; i++) {
            if (hasUndefined(obj[objKeys[i]])) {
              return true;
            }
          }
        }
      }
      return false;
    }
    exports.hasUndefined = hasUndefined;
    function patchErrorMessageFormatter(message, args) {
      var messageParts = [message];
      for (var key in args) {
        var value = typeof args[key] === "object" ? JSON.stringify(args[key], null, 2) : args[key];
        if (typeof value !== "undefined") {
          messageParts.push(key + ": " + value);
        }
      }
      return messageParts.join("\n");
    }
    var PatchError = (
      /** @class */
      (function(_super) {
        __extends(PatchError2, _super);
        function PatchError2(message, name, index, operation, tree) {
          var _newTarget = this.constructor;
          var _this = _super.call(this, patchErrorMessageFormatter(message, { name, index, operation, tree })) || this;
          _this.name = name;
          _this.index = index;
          _this.operation = operation;
          _this.tree = tree;
          Object.setPrototypeOf(_this, _newTarget.prototype);
          _this.message = patchErrorMessageFormatter(message, { name, index, operation, tree });
          return _this;
        }
        return PatchError2;
      })(Error)
    );
    exports.PatchError = PatchError;
  }
});

// node_modules/fast-json-patch/commonjs/core.js
var require_core = __commonJS({
  "node_modules/fast-json-patch/commonjs/core.js"(exports) {
    Object.defineProperty(exports, "__esModule", { value: true });
    var helpers_js_1 = require_helpers();
    exports.JsonPatchError = helpers_js_1.PatchError;
    exports.deepClone = helpers_js_1._deepClone;
    var objOps = {
      add: function(obj, key, document) {
        obj[key] = this.value;
        return { newDocument: document };
      },
      remove: function(obj, key, document) {
        var removed = obj[key];
        delete obj[key];
        return { newDocument: document, removed };
      },
      replace: function(obj, key, document) {
        var removed = obj[key];
        obj[key] = this.value;
        return { newDocument: document, removed };
      },
      move: function(obj, key, document) {
        var removed = getValueByPointer(document, this.path);
        if (removed) {
          removed = helpers_js_1._deepClone(removed);
        }
        var originalValue = applyOperation(document, { op: "remove", path: this.from }).removed;
        applyOperation(document, { op: "add", path: this.path, value: originalValue });
        return { newDocument: document, removed };
      },
      copy: function(obj, key, document) {
        var valueToCopy = getValueByPointer(document, this.from);
        applyOperation(document, { op: "add", path: this.path, value: helpers_js_1._deepClone(valueToCopy) });
        return { newDocument: document };
      },
      test: function(obj, key, document) {
        return { newDocument: document, test: _areEquals(obj[key], this.value) };
      },
      _get: function(obj, key, document) {
        this.value = obj[key];
        return { newDocument: document };
      }
    };
    var arrOps = {
      add: function(arr, i, document) {
        if (helpers_js_1.isInteger(i)) {
          arr.splice(i, 0, this.value);
        } else {
          arr[i] = this.value;
        }
        return { newDocument: document, index: i };
      },
      remove: function(arr, i, document) {
        var removedList = arr.splice(i, 1);
        return { newDocument: document, removed: removedList[0] };
      },
      replace: function(arr, i, document) {
        var removed = arr[i];
        arr[i] = this.value;
        return { newDocument: document, removed };
      },
      move: objOps.move,
      copy: objOps.copy,
      test: objOps.test,
      _get: objOps._get
    };
    function getValueByPointer(document, pointer) {
      if (pointer == "") {
        return document;
      }
      var getOriginalDestination = { op: "_get", path: pointer };
      applyOperation(document, getOriginalDestination);
      return getOriginalDestination.value;
    }
    exports.getValueByPointer = getValueByPointer;
    function applyOperation(document, operation, validateOperation, mutateDocument, banPrototypeModifications, index) {
      if (validateOperation === void 0) {
        validateOperation = false;
      }
      if (mutateDocument === void 0) {
        mutateDocument = true;
      }
      if (banPrototypeModifications === void 0) {
        banPrototypeModifications = true;
      }
      if (index === void 0) {
        index = 0;
      }
      if (validateOperation) {
        if (typeof validateOperation == "function") {
          validateOperation(operation, 0, document, operation.path);
        } else {
          validator(operation, 0);
        }
      }
      if (operation.path === "") {
        var returnValue = { newDocument: document };
        if (operation.op === "add") {
          returnValue.newDocument = operation.value;
          return returnValue;
        } else if (operation.op === "replace") {
          returnValue.newDocument = operation.value;
          returnValue.removed = document;
          return returnValue;
        } else if (operation.op === "move" || operation.op === "copy") {
          returnValue.newDocument = getValueByPointer(document, operation.from);
          if (operation.op === "move") {
            returnValue.removed = document;
          }
          return returnValue;
        } else if (operation.op === "test") {
          returnValue.test = _areEquals(document, operation.value);
          if (returnValue.test === false) {
            throw new exports.JsonPatchError("Test operation failed", "TEST_OPERATION_FAILED", index, operation, document);
          }
          returnValue.newDocument = document;
          return returnValue;
        } else if (operation.op === "remove") {
          returnValue.removed = document;
          returnValue.newDocument = null;
          return returnValue;
        } else if (operation.op === "_get") {
          operation.value = document;
          return returnValue;
        } else {
          if (validateOperation) {
            throw new exports.JsonPatchError("Operation `op` property is not one of operations defined in RFC-6902", "OPERATION_OP_INVALID", index, operation, document);
          } else {
            return returnValue;
          }
        }
      } else {
        if (!mutateDocument) {
          document = helpers_js_1._deepClone(document);
        }
        var path2 = operation.path || "";
        var keys = path2.split("/");
        var obj = document;
        var t = 1;
        var len = keys.length;
        var existingPathFragment = void 0;
        var key = void 0;
        var validateFunction = void 0;
        if (typeof validateOperation == "function") {
          validateFunction = validateOperation;
        } else {
          validateFunction = validator;
        }
        while (true) {
          key = keys[t];
          if (key && key.indexOf("~") != -1) {
            key = helpers_js_1.unescapePathComponent(key);
          }
          if (banPrototypeModifications && (key == "__proto__" || key == "prototype" && t > 0 && keys[t - 1] == "constructor")) {
            throw new TypeError("JSON-Patch: modifying `__proto__` or `constructor/prototype` prop is banned for security reasons, if this was on purpose, please set `banPrototypeModifications` flag false and pass it to this function. More info in fast-json-patch README");
          }
          if (validateOperation) {
            if (existingPathFragment === void 0) {
              if (obj[key] === void 0) {
                existingPathFragment = keys.slice(0, t).join("/");
              } else if (t == len - 1) {
                existingPathFragment = operation.path;
              }
              if (existingPathFragment !== void 0) {
                validateFunction(operation, 0, document, existingPathFragment);
              }
            }
          }
          t++;
          if (Array.isArray(obj)) {
            if (key === "-") {
              key = obj.length;
            } else {
              if (validateOperation && !helpers_js_1.isInteger(key)) {
                throw new exports.JsonPatchError("Expected an unsigned base-10 integer value, making the new referenced value the array element with the zero-based index", "OPERATION_PATH_ILLEGAL_ARRAY_INDEX", index, operation, document);
              } else if (helpers_js_1.isInteger(key)) {
                key = ~~key;
              }
            }
            if (t >= len) {
              if (validateOperation && operation.op === "add" && key > obj.length) {
                throw new exports.JsonPatchError("The specified index MUST NOT be greater than the number of elements in the array", "OPERATION_VALUE_OUT_OF_BOUNDS", index, operation, document);
              }
              var returnValue = arrOps[operation.op].call(operation, obj, key, document);
              if (returnValue.test === false) {
                throw new exports.JsonPatchError("Test operation failed", "TEST_OPERATION_FAILED", index, operation, document);
              }
              return returnValue;
            }
          } else {
            if (t >= len) {
              var returnValue = objOps[operation.op].call(operation, obj, key, document);
              if (returnValue.test === false) {
                throw new exports.JsonPatchError("Test operation failed", "TEST_OPERATION_FAILED", index, operation, document);
              }
              return returnValue;
            }
          }
          obj = obj[key];
          if (validateOperation && t < len && (!obj || typeof obj !== "object")) {
            throw new exports.JsonPatchError("Cannot perform operation at the desired path", "OPERATION_PATH_UNRESOLVABLE", index, operation, document);
          }
        }
      }
    }
    exports.applyOperation = applyOperation;
    function applyPatch(document, patch, validateOperation, mutateDocument, banPrototypeModifications) {
      if (mutateDocument === void 0) {
        mutateDocument = true;
      }
      if (banPrototypeModifications === void 0) {
        banPrototypeModifications = true;
      }
      if (validateOperation) {
        if (!Array.isArray(patch)) {
          throw new exports.JsonPatchError("Patch sequence must be an array", "SEQUENCE_NOT_AN_ARRAY");
        }
      }
      if (!mutateDocument) {
        document = helpers_js_1._deepClone(document);
      }
      var results = new Array(patch.length);
      for (var i = 0, length_1 = patch.length; i < length_1; i++) {
        results[i] = applyOperation(document, patch[i], validateOperation, true, banPrototypeModifications, i);
        document = results[i].newDocument;
      }
      results.newDocument = document;
      return results;
    }
    exports.applyPatch = applyPatch;
    function applyReducer(document, operation, index) {
      var operationResult = applyOperation(document, operation);
      if (operationResult.test === false) {
        throw new exports.JsonPatchError("Test operation failed", "TEST_OPERATION_FAILED", index, operation, document);
      }
      return operationResult.newDocument;
    }
    exports.applyReducer = applyReducer;
    function validator(operation, index, document, existingPathFragment) {
      if (typeof operation !== "object" || operation === null || Array.isArray(operation)) {
        throw new exports.JsonPatchError("Operation is not an object", "OPERATION_NOT_AN_OBJECT", index, operation, document);
      } else if (!objOps[operation.op]) {
        throw new exports.JsonPatchError("Operation `op` property is not one of operations defined in RFC-6902", "OPERATION_OP_INVALID", index, operation, document);
      } else if (typeof operation.path !== "string") {
        throw new exports.JsonPatchError("Operation `path` property is not a string", "OPERATION_PATH_INVALID", index, operation, document);
      } else if (operation.path.indexOf("/") !== 0 && operation.path.length > 0) {
        throw new exports.JsonPatchError('Operation `path` property must start with "/"', "OPERATION_PATH_INVALID", index, operation, document);
      } else if ((operation.op === "move" || operation.op === "copy") && typeof operation.from !== "string") {
        throw new exports.JsonPatchError("Operation `from` property is not present (applicable in `move` and `copy` operations)", "OPERATION_FROM_REQUIRED", index, operation, document);
      } else if ((operation.op === "add" || operation.op === "replace" || operation.op === "test") && operation.value === void 0) {
        throw new exports.JsonPatchError("Operation `value` property is not present (applicable in `add`, `replace` and `test` operations)", "OPERATION_VALUE_REQUIRED", index, operation, document);
      } else if ((operation.op === "add" || operation.op === "replace" || operation.op === "test") && helpers_js_1.hasUndefined(operation.value)) {
        throw new exports.JsonPatchError("Operation `value` property is not present (applicable in `add`, `replace` and `test` operations)", "OPERATION_VALUE_CANNOT_CONTAIN_UNDEFINED", index, operation, document);
      } else if (document) {
        if (operation.op == "add") {
          var pathLen = operation.path.split("/").length;
          var existingPathLen = existingPathFragment.split("/").length;
          if (pathLen !== existingPathLen + 1 && pathLen !== existingPathLen) {
            throw new exports.JsonPatchError("Cannot perform an `add` operation at the desired path", "OPERATION_PATH_CANNOT_ADD", index, operation, document);
          }
        } else if (operation.op === "replace" || operation.op === "remove" || operation.op === "_get") {
          if (operation.path !== existingPathFragment) {
            throw new exports.JsonPatchError("Cannot perform the operation at a path that does not exist", "OPERATION_PATH_UNRESOLVABLE", index, operation, document);
          }
        } else if (operation.op === "move" || operation.op === "copy") {
          var existingValue = { op: "_get", path: operation.from, value: void 0 };
          var error = validate([existingValue], document);
          if (error && error.name === "OPERATION_PATH_UNRESOLVABLE") {
            throw new exports.JsonPatchError("Cannot perform the operation from a path that does not exist", "OPERATION_FROM_UNRESOLVABLE", index, operation, document);
          }
        }
      }
    }
    exports.validator = validator;
    function validate(sequence, document, externalValidator) {
      try {
        if (!Array.isArray(sequence)) {
          throw new exports.JsonPatchError("Patch sequence must be an array", "SEQUENCE_NOT_AN_ARRAY");
        }
        if (document) {
          applyPatch(helpers_js_1._deepClone(document), helpers_js_1._deepClone(sequence), externalValidator || true);
        } else {
          externalValidator = externalValidator || validator;
          for (var i = 0; i < sequence.length; i++) {
            externalValidator(sequence[i], i, document, void 0);
          }
        }
      } catch (e) {
        if (e instanceof exports.JsonPatchError) {
          return e;
        } else {
          throw e;
        }
      }
    }
    exports.validate = validate;
    function _areEquals(a, b) {
      if (a === b)
        return true;
      if (a && b && typeof a == "object" && typeof b == "object") {
        var arrA = Array.isArray(a), arrB = Array.isArray(b), i, length, key;
        if (arrA && arrB) {
          length = a.length;
          if (length != b.length)
            return false;
          for (i = length; i-- !== 0; )
            if (!_areEquals(a[i], b[i]))
              return false;
          return true;
        }
        if (arrA != arrB)
          return false;
        var keys = Object.keys(a);
        length = keys.length;
        if (length !== Object.keys(b).length)
          return false;
        for (i = length; i-- !== 0; )
          if (!b.hasOwnProperty(keys[i]))
            return false;
        for (i = length; i-- !== 0; ) {
          key = keys[i];
          if (!_areEquals(a[key], b[key]))
            return false;
        }
        return true;
      }
      return a !== a && b !== b;
    }
    exports._areEquals = _areEquals;
  }
});

// node_modules/fast-json-patch/commonjs/duplex.js
var require_duplex = __commonJS({
  "node_modules/fast-json-patch/commonjs/duplex.js"(exports) {
    Object.defineProperty(exports, "__esModule", { value: true });
    var helpers_js_1 = require_helpers();
    var core_js_1 = require_core();
    var beforeDict = /* @__PURE__ */ new WeakMap();
    var Mirror = (
      /** @class */
      /* @__PURE__ */ (function() {
        function Mirror2(obj) {
          this.observers = /* @__PURE__ */ new Map();
          this.obj = obj;
        }
        return Mirror2;
      })()
    );
    var ObserverInfo = (
      /** @class */
      /* @__PURE__ */ (function() {
        function ObserverInfo2(callback, observer) {
          this.callback = callback;
          this.observer = observer;
        }
        return ObserverInfo2;
      })()
    );
    function getMirror(obj) {
      return beforeDict.get(obj);
    }
    function getObserverFromMirror(mirror, callback) {
      return mirror.observers.get(callback);
    }
    function removeObserverFromMirror(mirror, observer) {
      mirror.observers.delete(observer.callback);
    }
    function unobserve(root, observer) {
      observer.unobserve();
    }
    exports.unobserve = unobserve;
    function observe(obj, callback) {
      var patches = [];
      var observer;
      var mirror = getMirror(obj);
      if (!mirror) {
        mirror = new Mirror(obj);
        beforeDict.set(obj, mirror);
      } else {
        var observerInfo = getObserverFromMirror(mirror, callback);
        observer = observerInfo && observerInfo.observer;
      }
      if (observer) {
        return observer;
      }
      observer = {};
      mirror.value = helpers_js_1._deepClone(obj);
      if (callback) {
        observer.callback = callback;
        observer.next = null;
        var dirtyCheck = function() {
          generate(observer);
        };
        var fastCheck = function() {
          clearTimeout(observer.next);
          observer.next = setTimeout(dirtyCheck);
        };
        if (typeof window !== "undefined") {
          window.addEventListener("mouseup", fastCheck);
          window.addEventListener("keyup", fastCheck);
          window.addEventListener("mousedown", fastCheck);
          window.addEventListener("keydown", fastCheck);
          window.addEventListener("change", fastCheck);
        }
      }
      observer.patches = patches;
      observer.object = obj;
      observer.unobserve = function() {
        generate(observer);
        clearTimeout(observer.next);
        removeObserverFromMirror(mirror, observer);
        if (typeof window !== "undefined") {
          window.removeEventListener("mouseup", fastCheck);
          window.removeEventListener("keyup", fastCheck);
          window.removeEventListener("mousedown", fastCheck);
          window.removeEventListener("keydown", fastCheck);
          window.removeEventListener("change", fastCheck);
        }
      };
      mirror.observers.set(callback, new ObserverInfo(callback, observer));
      return observer;
    }
    exports.observe = observe;
    function generate(observer, invertible) {
      if (invertible === void 0) {
        invertible = false;
      }
      var mirror = beforeDict.get(observer.object);
      _generate(mirror.value, observer.object, observer.patches, "", invertible);
      if (observer.patches.length) {
        core_js_1.applyPatch(mirror.value, observer.patches);
      }
      var temp = observer.patches;
      if (temp.length > 0) {
        observer.patches = [];
        if (observer.callback) {
          observer.callback(temp);
        }
      }
      return temp;
    }
    exports.generate = generate;
    function _generate(mirror, obj, patches, path2, invertible) {
      if (obj === mirror) {
        return;
      }
      if (typeof obj.toJSON === "function") {
        obj = obj.toJSON();
      }
      var newKeys = helpers_js_1._objectKeys(obj);
      var oldKeys = helpers_js_1._objectKeys(mirror);
      var changed = false;
      var deleted = false;
      for (var t = oldKeys.length - 1; t >= 0; t--) {
        var key = oldKeys[t];
        var oldVal = mirror[key];
        if (helpers_js_1.hasOwnProperty(obj, key) && !(obj[key] === void 0 && oldVal !== void 0 && Array.isArray(obj) === false)) {
          var newVal = obj[key];
          if (typeof oldVal == "object" && oldVal != null && typeof newVal == "object" && newVal != null && Array.isArray(oldVal) === Array.isArray(newVal)) {
            _generate(oldVal, newVal, patches, path2 + "/" + helpers_js_1.escapePathComponent(key), invertible);
          } else {
            if (oldVal !== newVal) {
              changed = true;
              if (invertible) {
                patches.push({ op: "test", path: path2 + "/" + helpers_js_1.escapePathComponent(key), value: helpers_js_1._deepClone(oldVal) });
              }
              patches.push({ op: "replace", path: path2 + "/" + helpers_js_1.escapePathComponent(key), value: helpers_js_1._deepClone(newVal) });
            }
          }
        } else if (Array.isArray(mirror) === Array.isArray(obj)) {
          if (invertible) {
            patches.push({ op: "test", path: path2 + "/" + helpers_js_1.escapePathComponent(key), value: helpers_js_1._deepClone(oldVal) });
          }
          patches.push({ op: "remove", path: path2 + "/" + helpers_js_1.escapePathComponent(key) });
          deleted = true;
        } else {
          if (invertible) {
            patches.push({ op: "test", path: path2, value: mirror });
          }
          patches.push({ op: "replace", path: path2, value: obj });
          changed = true;
        }
      }
      if (!deleted && newKeys.length == oldKeys.length) {
        return;
      }
      for (var t = 0; t < newKeys.length; t++) {
        var key = newKeys[t];
        if (!helpers_js_1.hasOwnProperty(mirror, key) && obj[key] !== void 0) {
          patches.push({ op: "add", path: path2 + "/" + helpers_js_1.escapePathComponent(key), value: helpers_js_1._deepClone(obj[key]) });
        }
      }
    }
    function compare3(tree1, tree2, invertible) {
      if (invertible === void 0) {
        invertible = false;
      }
      var patches = [];
      _generate(tree1, tree2, patches, "", invertible);
      return patches;
    }
    exports.compare = compare3;
  }
});

// node_modules/fast-json-patch/index.js
var require_fast_json_patch = __commonJS({
  "node_modules/fast-json-patch/index.js"(exports) {
    var core = require_core();
    Object.assign(exports, core);
    var duplex = require_duplex();
    Object.assign(exports, duplex);
    var helpers = require_helpers();
    exports.JsonPatchError = helpers.PatchError;
    exports.deepClone = helpers._deepClone;
    exports.escapePathComponent = helpers.escapePathComponent;
    exports.unescapePathComponent = helpers.unescapePathComponent;
  }
});

// src/cli.ts
import { existsSync as existsSync14, mkdirSync as mkdirSync7, readFileSync as readFileSync16, writeFileSync as writeFileSync5 } from "node:fs";
import { dirname as dirname8, join as join24, relative as relative14 } from "node:path";
import { parseArgs } from "node:util";

// src/core/errors.ts
var ErrorKinds = {
  usage: "usage",
  config: "config",
  render: "render",
  manifest: "manifest",
  git: "git"
};
var PruneGuardError = class extends Error {
  /** Which kind of problem this is. */
  kind;
  /** Extra lines (e.g. kustomize's stderr) shown below the one-line cause. */
  details;
  constructor(kind, message, details) {
    super(message);
    this.name = "PruneGuardError";
    this.kind = kind;
    this.details = details;
  }
};
var UsageError = class extends PruneGuardError {
  constructor(message) {
    super(ErrorKinds.usage, message);
    this.name = "UsageError";
  }
};
var ConfigError = class extends PruneGuardError {
  constructor(message) {
    super(ErrorKinds.config, message);
    this.name = "ConfigError";
  }
};
var RenderError = class extends PruneGuardError {
  constructor(message, details) {
    super(ErrorKinds.render, message, details);
    this.name = "RenderError";
  }
};
var OutsideRepositoryError = class extends PruneGuardError {
  constructor(message) {
    super(ErrorKinds.render, message);
    this.name = "OutsideRepositoryError";
  }
};
var ManifestError = class extends PruneGuardError {
  constructor(message) {
    super(ErrorKinds.manifest, message);
    this.name = "ManifestError";
  }
};
var GitError = class extends PruneGuardError {
  constructor(message, details) {
    super(ErrorKinds.git, message, details);
    this.name = "GitError";
  }
};
function getErrorMessage(error) {
  if (error instanceof Error) return error.message;
  return String(error);
}

// node_modules/diff/libesm/diff/base.js
var Diff = class {
  diff(oldStr, newStr, options = {}) {
    let callback;
    if (typeof options === "function") {
      callback = options;
      options = {};
    } else if ("callback" in options) {
      callback = options.callback;
    }
    const oldString = this.castInput(oldStr, options);
    const newString = this.castInput(newStr, options);
    const oldTokens = this.removeEmpty(this.tokenize(oldString, options));
    const newTokens = this.removeEmpty(this.tokenize(newString, options));
    return this.diffWithOptionsObj(oldTokens, newTokens, options, callback);
  }
  diffWithOptionsObj(oldTokens, newTokens, options, callback) {
    var _a;
    const done = (value) => {
      value = this.postProcess(value, options);
      if (callback) {
        setTimeout(function() {
          callback(value);
        }, 0);
        return void 0;
      } else {
        return value;
      }
    };
    const newLen = newTokens.length, oldLen = oldTokens.length;
    let editLength = 1;
    let maxEditLength = newLen + oldLen;
    if (options.maxEditLength != null) {
      maxEditLength = Math.min(maxEditLength, options.maxEditLength);
    }
    const maxExecutionTime = (_a = options.timeout) !== null && _a !== void 0 ? _a : Infinity;
    const abortAfterTimestamp = Date.now() + maxExecutionTime;
    const bestPath = [{ oldPos: -1, lastComponent: void 0 }];
    let newPos = this.extractCommon(bestPath[0], newTokens, oldTokens, 0, options);
    if (bestPath[0].oldPos + 1 >= oldLen && newPos + 1 >= newLen) {
      return done(this.buildValues(bestPath[0].lastComponent, newTokens, oldTokens));
    }
    let minDiagonalToConsider = -Infinity, maxDiagonalToConsider = Infinity;
    const execEditLength = () => {
      for (let diagonalPath = Math.max(minDiagonalToConsider, -editLength); diagonalPath <= Math.min(maxDiagonalToConsider, editLength); diagonalPath += 2) {
        let basePath;
        const removePath = bestPath[diagonalPath - 1], addPath = bestPath[diagonalPath + 1];
        if (removePath) {
          bestPath[diagonalPath - 1] = void 0;
        }
        let canAdd = false;
        if (addPath) {
          const addPathNewPos = addPath.oldPos - diagonalPath;
          canAdd = addPath && 0 <= addPathNewPos && addPathNewPos < newLen;
        }
        const canRemove = removePath && removePath.oldPos + 1 < oldLen;
        if (!canAdd && !canRemove) {
          bestPath[diagonalPath] = void 0;
          continue;
        }
        if (!canRemove || canAdd && removePath.oldPos < addPath.oldPos) {
          basePath = this.addToPath(addPath, true, false, 0, options);
        } else {
          basePath = this.addToPath(removePath, false, true, 1, options);
        }
        newPos = this.extractCommon(basePath, newTokens, oldTokens, diagonalPath, options);
        if (basePath.oldPos + 1 >= oldLen && newPos + 1 >= newLen) {
          return done(this.buildValues(basePath.lastComponent, newTokens, oldTokens)) || true;
        } else {
          bestPath[diagonalPath] = basePath;
          if (basePath.oldPos + 1 >= oldLen) {
            maxDiagonalToConsider = Math.min(maxDiagonalToConsider, diagonalPath - 1);
          }
          if (newPos + 1 >= newLen) {
            minDiagonalToConsider = Math.max(minDiagonalToConsider, diagonalPath + 1);
          }
        }
      }
      editLength++;
    };
    if (callback) {
      (function exec() {
        setTimeout(function() {
          if (editLength > maxEditLength || Date.now() > abortAfterTimestamp) {
            return callback(void 0);
          }
          if (!execEditLength()) {
            exec();
          }
        }, 0);
      })();
    } else {
      while (editLength <= maxEditLength && Date.now() <= abortAfterTimestamp) {
        const ret = execEditLength();
        if (ret) {
          return ret;
        }
      }
    }
  }
  addToPath(path2, added, removed, oldPosInc, options) {
    const last = path2.lastComponent;
    if (last && !options.oneChangePerToken && last.added === added && last.removed === removed) {
      return {
        oldPos: path2.oldPos + oldPosInc,
        lastComponent: { count: last.count + 1, added, removed, previousComponent: last.previousComponent }
      };
    } else {
      return {
        oldPos: path2.oldPos + oldPosInc,
        lastComponent: { count: 1, added, removed, previousComponent: last }
      };
    }
  }
  extractCommon(basePath, newTokens, oldTokens, diagonalPath, options) {
    const newLen = newTokens.length, oldLen = oldTokens.length;
    let oldPos = basePath.oldPos, newPos = oldPos - diagonalPath, commonCount = 0;
    while (newPos + 1 < newLen && oldPos + 1 < oldLen && this.equals(oldTokens[oldPos + 1], newTokens[newPos + 1], options)) {
      newPos++;
      oldPos++;
      commonCount++;
      if (options.oneChangePerToken) {
        basePath.lastComponent = { count: 1, previousComponent: basePath.lastComponent, added: false, removed: false };
      }
    }
    if (commonCount && !options.oneChangePerToken) {
      basePath.lastComponent = { count: commonCount, previousComponent: basePath.lastComponent, added: false, removed: false };
    }
    basePath.oldPos = oldPos;
    return newPos;
  }
  equals(left, right, options) {
    if (options.comparator) {
      return options.comparator(left, right);
    } else {
      return left === right || !!options.ignoreCase && left.toLowerCase() === right.toLowerCase();
    }
  }
  removeEmpty(array) {
    const ret = [];
    for (let i = 0; i < array.length; i++) {
      if (array[i]) {
        ret.push(array[i]);
      }
    }
    return ret;
  }
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  castInput(value, options) {
    return value;
  }
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  tokenize(value, options) {
    return Array.from(value);
  }
  join(chars) {
    return chars.join("");
  }
  postProcess(changeObjects, options) {
    return changeObjects;
  }
  get useLongestToken() {
    return false;
  }
  buildValues(lastComponent, newTokens, oldTokens) {
    const components = [];
    let nextComponent;
    while (lastComponent) {
      components.push(lastComponent);
      nextComponent = lastComponent.previousComponent;
      delete lastComponent.previousComponent;
      lastComponent = nextComponent;
    }
    components.reverse();
    const componentLen = components.length;
    let componentPos = 0, newPos = 0, oldPos = 0;
    for (; componentPos < componentLen; componentPos++) {
      const component = components[componentPos];
      if (!component.removed) {
        if (!component.added && this.useLongestToken) {
          let value = newTokens.slice(newPos, newPos + component.count);
          value = value.map(function(value2, i) {
            const oldValue = oldTokens[oldPos + i];
            return oldValue.length > value2.length ? oldValue : value2;
          });
          component.value = this.join(value);
        } else {
          component.value = this.join(newTokens.slice(newPos, newPos + component.count));
        }
        newPos += component.count;
        if (!component.added) {
          oldPos += component.count;
        }
      } else {
        component.value = this.join(oldTokens.slice(oldPos, oldPos + component.count));
        oldPos += component.count;
      }
    }
    return components;
  }
};

// node_modules/diff/libesm/diff/line.js
var LineDiff = class extends Diff {
  constructor() {
    super(...arguments);
    this.tokenize = tokenize;
  }
  equals(left, right, options) {
    if (options.ignoreWhitespace) {
      if (!options.newlineIsToken || !left.includes("\n")) {
        left = left.trim();
      }
      if (!options.newlineIsToken || !right.includes("\n")) {
        right = right.trim();
      }
    } else if (options.ignoreNewlineAtEof && !options.newlineIsToken) {
      if (left.endsWith("\n")) {
        left = left.slice(0, -1);
      }
      if (right.endsWith("\n")) {
        right = right.slice(0, -1);
      }
    }
    return super.equals(left, right, options);
  }
};
var lineDiff = new LineDiff();
function diffLines(oldStr, newStr, options) {
  return lineDiff.diff(oldStr, newStr, options);
}
function tokenize(value, options) {
  if (options.stripTrailingCr) {
    value = value.replace(/\r\n/g, "\n");
  }
  const retLines = [], linesAndNewlines = value.split(/(\n|\r\n)/);
  if (!linesAndNewlines[linesAndNewlines.length - 1]) {
    linesAndNewlines.pop();
  }
  for (let i = 0; i < linesAndNewlines.length; i++) {
    const line = linesAndNewlines[i];
    if (i % 2 && !options.newlineIsToken) {
      retLines[retLines.length - 1] += line;
    } else {
      retLines.push(line);
    }
  }
  return retLines;
}

// node_modules/diff/libesm/patch/create.js
function needsQuoting(s) {
  for (let i = 0; i < s.length; i++) {
    if (s[i] < " " || s[i] > "~" || s[i] === '"' || s[i] === "\\") {
      return true;
    }
  }
  return false;
}
function quoteFileNameIfNeeded(s) {
  if (!needsQuoting(s)) {
    return s;
  }
  let result = '"';
  const bytes = new TextEncoder().encode(s);
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b === 7) {
      result += "\\a";
    } else if (b === 8) {
      result += "\\b";
    } else if (b === 9) {
      result += "\\t";
    } else if (b === 10) {
      result += "\\n";
    } else if (b === 11) {
      result += "\\v";
    } else if (b === 12) {
      result += "\\f";
    } else if (b === 13) {
      result += "\\r";
    } else if (b === 34) {
      result += '\\"';
    } else if (b === 92) {
      result += "\\\\";
    } else if (b >= 32 && b <= 126) {
      result += String.fromCharCode(b);
    } else {
      result += "\\" + b.toString(8).padStart(3, "0");
    }
    i++;
  }
  result += '"';
  return result;
}
var INCLUDE_HEADERS = {
  includeIndex: true,
  includeUnderline: true,
  includeFileHeaders: true
};
function structuredPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, options) {
  let optionsObj;
  if (!options) {
    optionsObj = {};
  } else if (typeof options === "function") {
    optionsObj = { callback: options };
  } else {
    optionsObj = options;
  }
  if (typeof optionsObj.context === "undefined") {
    optionsObj.context = 4;
  }
  const context = optionsObj.context;
  if (optionsObj.newlineIsToken) {
    throw new Error("newlineIsToken may not be used with patch-generation functions, only with diffing functions");
  }
  if (!optionsObj.callback) {
    return diffLinesResultToPatch(diffLines(oldStr, newStr, optionsObj));
  } else {
    const { callback } = optionsObj;
    diffLines(oldStr, newStr, Object.assign(Object.assign({}, optionsObj), { callback: (diff) => {
      const patch = diffLinesResultToPatch(diff);
      callback(patch);
    } }));
  }
  function diffLinesResultToPatch(diff) {
    if (!diff) {
      return;
    }
    diff.push({ value: "", lines: [] });
    function contextLines(lines) {
      return lines.map(function(entry) {
        return " " + entry;
      });
    }
    const hunks = [];
    let oldRangeStart = 0, newRangeStart = 0, curRange = [], oldLine = 1, newLine = 1;
    for (let i = 0; i < diff.length; i++) {
      const current = diff[i], lines = current.lines || splitLines(current.value);
      current.lines = lines;
      if (current.added || current.removed) {
        if (!oldRangeStart) {
          const prev = diff[i - 1];
          oldRangeStart = oldLine;
          newRangeStart = newLine;
          if (prev) {
            curRange = context > 0 ? contextLines(prev.lines.slice(-context)) : [];
            oldRangeStart -= curRange.length;
            newRangeStart -= curRange.length;
          }
        }
        for (const line of lines) {
          curRange.push((current.added ? "+" : "-") + line);
        }
        if (current.added) {
          newLine += lines.length;
        } else {
          oldLine += lines.length;
        }
      } else {
        if (oldRangeStart) {
          if (lines.length <= context * 2 && i < diff.length - 2) {
            for (const line of contextLines(lines)) {
              curRange.push(line);
            }
          } else {
            const contextSize = Math.min(lines.length, context);
            for (const line of contextLines(lines.slice(0, contextSize))) {
              curRange.push(line);
            }
            const hunk = {
              oldStart: oldRangeStart,
              oldLines: oldLine - oldRangeStart + contextSize,
              newStart: newRangeStart,
              newLines: newLine - newRangeStart + contextSize,
              lines: curRange
            };
            hunks.push(hunk);
            oldRangeStart = 0;
            newRangeStart = 0;
            curRange = [];
          }
        }
        oldLine += lines.length;
        newLine += lines.length;
      }
    }
    for (const hunk of hunks) {
      for (let i = 0; i < hunk.lines.length; i++) {
        if (hunk.lines[i].endsWith("\n")) {
          hunk.lines[i] = hunk.lines[i].slice(0, -1);
        } else {
          hunk.lines.splice(i + 1, 0, "\\ No newline at end of file");
          i++;
        }
      }
    }
    return {
      oldFileName,
      newFileName,
      oldHeader,
      newHeader,
      hunks
    };
  }
}
function formatPatch(patch, headerOptions) {
  var _a, _b, _c, _d, _e, _f;
  if (!headerOptions) {
    headerOptions = INCLUDE_HEADERS;
  }
  if (Array.isArray(patch)) {
    if (patch.length > 1 && !headerOptions.includeFileHeaders && !patch.every((p) => p.isGit)) {
      throw new Error("Cannot omit file headers on a multi-file patch. (The result would be unparseable; how would a tool trying to apply the patch know which changes are to which file?)");
    }
    return patch.map((p) => formatPatch(p, headerOptions)).join("\n");
  }
  const ret = [];
  if (patch.isGit) {
    headerOptions = INCLUDE_HEADERS;
    if (!patch.oldFileName) {
      throw new Error("oldFileName must be specified for Git patches");
    }
    if (!patch.newFileName) {
      throw new Error("newFileName must be specified for Git patches");
    }
    let gitOldName = patch.oldFileName;
    let gitNewName = patch.newFileName;
    if (patch.isCreate && gitOldName === "/dev/null") {
      gitOldName = gitNewName.replace(/^b\//, "a/");
    } else if (patch.isDelete && gitNewName === "/dev/null") {
      gitNewName = gitOldName.replace(/^a\//, "b/");
    }
    ret.push("diff --git " + quoteFileNameIfNeeded(gitOldName) + " " + quoteFileNameIfNeeded(gitNewName));
    if (patch.isDelete) {
      ret.push("deleted file mode " + ((_a = patch.oldMode) !== null && _a !== void 0 ? _a : "100644"));
    }
    if (patch.isCreate) {
      ret.push("new file mode " + ((_b = patch.newMode) !== null && _b !== void 0 ? _b : "100644"));
    }
    if (patch.oldMode && patch.newMode && !patch.isDelete && !patch.isCreate) {
      ret.push("old mode " + patch.oldMode);
      ret.push("new mode " + patch.newMode);
    }
    if (patch.isRename) {
      ret.push("rename from " + quoteFileNameIfNeeded(((_c = patch.oldFileName) !== null && _c !== void 0 ? _c : "").replace(/^a\//, "")));
      ret.push("rename to " + quoteFileNameIfNeeded(((_d = patch.newFileName) !== null && _d !== void 0 ? _d : "").replace(/^b\//, "")));
    }
    if (patch.isCopy) {
      ret.push("copy from " + quoteFileNameIfNeeded(((_e = patch.oldFileName) !== null && _e !== void 0 ? _e : "").replace(/^a\//, "")));
      ret.push("copy to " + quoteFileNameIfNeeded(((_f = patch.newFileName) !== null && _f !== void 0 ? _f : "").replace(/^b\//, "")));
    }
  } else {
    if (headerOptions.includeIndex && patch.oldFileName == patch.newFileName && patch.oldFileName !== void 0) {
      ret.push("Index: " + patch.oldFileName);
    }
    if (headerOptions.includeUnderline) {
      ret.push("===================================================================");
    }
  }
  const hasHunks = patch.hunks.length > 0;
  if (headerOptions.includeFileHeaders && patch.oldFileName !== void 0 && patch.newFileName !== void 0 && (!patch.isGit || hasHunks)) {
    ret.push("--- " + quoteFileNameIfNeeded(patch.oldFileName) + (patch.oldHeader ? "	" + patch.oldHeader : ""));
    ret.push("+++ " + quoteFileNameIfNeeded(patch.newFileName) + (patch.newHeader ? "	" + patch.newHeader : ""));
  }
  for (let i = 0; i < patch.hunks.length; i++) {
    const hunk = patch.hunks[i];
    const oldStart = hunk.oldLines === 0 ? hunk.oldStart - 1 : hunk.oldStart;
    const newStart = hunk.newLines === 0 ? hunk.newStart - 1 : hunk.newStart;
    ret.push("@@ -" + oldStart + "," + hunk.oldLines + " +" + newStart + "," + hunk.newLines + " @@");
    for (const line of hunk.lines) {
      ret.push(line);
    }
  }
  return ret.join("\n") + "\n";
}
function createTwoFilesPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, options) {
  if (typeof options === "function") {
    options = { callback: options };
  }
  if (!(options === null || options === void 0 ? void 0 : options.callback)) {
    const patchObj = structuredPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, options);
    if (!patchObj) {
      return;
    }
    return formatPatch(patchObj, options === null || options === void 0 ? void 0 : options.headerOptions);
  } else {
    const { callback } = options;
    structuredPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, Object.assign(Object.assign({}, options), { callback: (patchObj) => {
      if (!patchObj) {
        callback(void 0);
      } else {
        callback(formatPatch(patchObj, options.headerOptions));
      }
    } }));
  }
}
function splitLines(text) {
  const hasTrailingNl = text.endsWith("\n");
  const result = text.split("\n").map((line) => line + "\n");
  if (hasTrailingNl) {
    result.pop();
  } else {
    result.push(result.pop().slice(0, -1));
  }
  return result;
}

// src/core/fix/fix-apply.ts
function applyFixes(fixes, read) {
  const applied = [];
  const skipped = [];
  const taken = /* @__PURE__ */ new Map();
  const created = /* @__PURE__ */ new Set();
  for (const fix of fixes) {
    const collides = fix.edits.some((edit) => read(edit.path) === void 0 || (taken.get(edit.path) ?? []).some(([start, end]) => edit.startLine <= end && start <= edit.endLine)) || fix.files.some((file) => created.has(file.path) || read(file.path) !== void 0);
    if (collides) {
      skipped.push(fix);
      continue;
    }
    applied.push(fix);
    for (const edit of fix.edits) taken.set(edit.path, [...taken.get(edit.path) ?? [], [edit.startLine, edit.endLine]]);
    for (const file of fix.files) created.add(file.path);
  }
  const changes = [];
  const editsByPath = /* @__PURE__ */ new Map();
  for (const edit of applied.flatMap((fix) => fix.edits)) editsByPath.set(edit.path, [...editsByPath.get(edit.path) ?? [], edit]);
  for (const [path2, edits] of editsByPath) {
    const before = read(path2);
    const lines = before.split("\n");
    for (const edit of [...edits].sort((a, b) => b.startLine - a.startLine)) {
      lines.splice(edit.startLine - 1, edit.endLine - edit.startLine + 1, ...edit.replacement.split("\n"));
    }
    changes.push({ path: path2, before, after: lines.join("\n") });
  }
  for (const file of applied.flatMap((fix) => fix.files)) changes.push({ path: file.path, before: void 0, after: file.content });
  changes.sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  return { changes, applied, skipped };
}
function formatFileChanges(changes) {
  return changes.map(({ path: path2, before, after }) => {
    const patch = createTwoFilesPatch(before === void 0 ? "/dev/null" : `a/${path2}`, `b/${path2}`, before ?? "", after, void 0, void 0, { context: 3 });
    const body = patch.slice(patch.indexOf("--- "));
    return before === void 0 ? `diff --git a/${path2} b/${path2}
new file mode 100644
${body}` : `diff --git a/${path2} b/${path2}
${body}`;
  }).join("");
}

// src/core/rules/findings.ts
var Severities = {
  error: "error",
  warning: "warning",
  notice: "notice"
};
var SEVERITY_ORDER = ["error", "warning", "notice"];
var FailLevels = { ...Severities, never: "never" };
var Rules = {
  configChanged: "config-changed",
  readsOutsideRepository: "reads-outside-repository",
  buildFailed: "build-failed",
  kustomizationRemoved: "kustomization-removed",
  crdRemoved: "crd-removed",
  namespaceRemoved: "namespace-removed",
  objectMoved: "object-moved",
  crdMissing: "crd-missing",
  helmReleaseRemoved: "helmrelease-removed",
  helmReleaseReinstalled: "helmrelease-reinstalled",
  apiGroupChanged: "api-group-changed",
  dataRemoved: "data-removed",
  clusterScopedRemoved: "cluster-scoped-removed",
  objectOrphaned: "object-orphaned",
  objectRemoved: "object-removed",
  kustomizationSpecChanged: "kustomization-spec-changed",
  kustomizationNotRendered: "kustomization-not-rendered",
  variableMissing: "variable-missing",
  pruneProtected: "prune-protected"
};
var RULE_ORDER = Object.values(Rules);
var FixSources = {
  /** Another file next to the remote file that used to hold them (Calico's operator-crds.yaml). */
  remote: "remote",
  /** A file of the tree that no kustomization lists any more. */
  local: "local",
  /** Nowhere: the objects as rendered before the change, written into a new file. */
  vendored: "vendored"
};
function isAtOrAbove(severity, failOn) {
  if (failOn === "never") return false;
  return SEVERITY_ORDER.indexOf(severity) <= SEVERITY_ORDER.indexOf(failOn);
}
function compareFindings(a, b) {
  const bySeverity = SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity);
  if (bySeverity !== 0) return bySeverity;
  const byRule = RULE_ORDER.indexOf(a.rule) - RULE_ORDER.indexOf(b.rule);
  if (byRule !== 0) return byRule;
  const keyOf = (finding) => [finding.unit, finding.object.kind, finding.object.namespace, finding.object.name, finding.object.group].join("\0");
  const [x, y] = [keyOf(a), keyOf(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

// src/render/cleanup.ts
var pending = /* @__PURE__ */ new Set();
function registerCleanup(cleanup) {
  pending.add(cleanup);
  return () => {
    if (!pending.delete(cleanup)) return;
    cleanup();
  };
}
function runPendingCleanups() {
  for (const cleanup of [...pending]) {
    pending.delete(cleanup);
    try {
      cleanup();
    } catch {
    }
  }
}
async function exitWhenFlushed(code) {
  for (const stream of [process.stdout, process.stderr]) await new Promise((done) => stream.write("", () => done()));
  runPendingCleanups();
  return code === void 0 ? process.exit() : process.exit(code);
}

// src/render/kustomize/read-kustomization.ts
var import_yaml3 = __toESM(require_dist(), 1);
import { createHash } from "node:crypto";
import { existsSync, lstatSync, readFileSync as readFileSync2, readdirSync, realpathSync as realpathSync2, statSync } from "node:fs";
import { dirname as dirname2, join as join2, relative, resolve as resolve2, sep as sep2 } from "node:path";

// src/core/objects/kube-objects.ts
import { createHmac, randomBytes } from "node:crypto";

// node_modules/js-yaml/dist/js-yaml.mjs
var NOT_RESOLVED = /* @__PURE__ */ Symbol("NOT_RESOLVED");
function defineScalarTag(tagName, options) {
  return {
    tagName,
    nodeKind: "scalar",
    implicit: options.implicit ?? false,
    matchByTagPrefix: options.matchByTagPrefix ?? false,
    implicitFirstChars: options.implicitFirstChars ?? null,
    resolve: options.resolve,
    identify: options.identify,
    represent: options.represent ?? ((data) => String(data)),
    representTagName: options.representTagName ?? (() => tagName)
  };
}
function defineSequenceTag(tagName, options) {
  const carrierIsResult = options.finalize === void 0;
  return {
    tagName,
    nodeKind: "sequence",
    implicit: false,
    matchByTagPrefix: options.matchByTagPrefix ?? false,
    create: options.create,
    addItem: options.addItem,
    finalize: options.finalize ?? ((carrier) => carrier),
    carrierIsResult,
    identify: options.identify,
    represent: options.represent ?? ((data) => data),
    representTagName: options.representTagName ?? (() => tagName)
  };
}
function defineMappingTag(tagName, options) {
  const carrierIsResult = options.finalize === void 0;
  return {
    tagName,
    nodeKind: "mapping",
    implicit: false,
    matchByTagPrefix: options.matchByTagPrefix ?? false,
    create: options.create,
    addPair: options.addPair,
    has: options.has,
    keys: options.keys,
    get: options.get,
    finalize: options.finalize ?? ((carrier) => carrier),
    carrierIsResult,
    identify: options.identify,
    represent: options.represent ?? ((data) => data),
    representTagName: options.representTagName ?? (() => tagName)
  };
}
var strTag = defineScalarTag("tag:yaml.org,2002:str", {
  resolve: (source) => source,
  identify: (data) => typeof data === "string"
});
var NULL_VALUES$1 = [
  "",
  "~",
  "null",
  "Null",
  "NULL"
];
var nullCoreTag = defineScalarTag("tag:yaml.org,2002:null", {
  implicit: true,
  implicitFirstChars: [
    "",
    "~",
    "n",
    "N"
  ],
  resolve: (source) => {
    if (NULL_VALUES$1.indexOf(source) !== -1) return null;
    return NOT_RESOLVED;
  },
  identify: (object) => object === null,
  represent: () => "null"
});
var nullJsonTag = defineScalarTag("tag:yaml.org,2002:null", {
  implicit: true,
  implicitFirstChars: ["n"],
  resolve: (source, isExplicit) => {
    if (source === "null" || isExplicit && source === "") return null;
    return NOT_RESOLVED;
  },
  identify: (object) => object === null,
  represent: () => "null"
});
var NULL_VALUES = [
  "",
  "~",
  "null",
  "Null",
  "NULL"
];
var nullYaml11Tag = defineScalarTag("tag:yaml.org,2002:null", {
  implicit: true,
  implicitFirstChars: [
    "",
    "~",
    "n",
    "N"
  ],
  resolve: (source) => {
    if (NULL_VALUES.indexOf(source) !== -1) return null;
    return NOT_RESOLVED;
  },
  identify: (object) => object === null,
  represent: () => "null"
});
var TRUE_VALUES$2 = [
  "true",
  "True",
  "TRUE"
];
var FALSE_VALUES$2 = [
  "false",
  "False",
  "FALSE"
];
var boolCoreTag = defineScalarTag("tag:yaml.org,2002:bool", {
  implicit: true,
  implicitFirstChars: [
    "t",
    "T",
    "f",
    "F"
  ],
  resolve: (source) => {
    if (TRUE_VALUES$2.indexOf(source) !== -1) return true;
    if (FALSE_VALUES$2.indexOf(source) !== -1) return false;
    return NOT_RESOLVED;
  },
  identify: (object) => Object.prototype.toString.call(object) === "[object Boolean]",
  represent: (object) => object ? "true" : "false"
});
var TRUE_VALUES$1 = ["true"];
var FALSE_VALUES$1 = ["false"];
var boolJsonTag = defineScalarTag("tag:yaml.org,2002:bool", {
  implicit: true,
  implicitFirstChars: ["t", "f"],
  resolve: (source) => {
    if (TRUE_VALUES$1.indexOf(source) !== -1) return true;
    if (FALSE_VALUES$1.indexOf(source) !== -1) return false;
    return NOT_RESOLVED;
  },
  identify: (object) => Object.prototype.toString.call(object) === "[object Boolean]",
  represent: (object) => object ? "true" : "false"
});
var TRUE_VALUES = [
  "true",
  "True",
  "TRUE",
  "y",
  "Y",
  "yes",
  "Yes",
  "YES",
  "on",
  "On",
  "ON"
];
var FALSE_VALUES = [
  "false",
  "False",
  "FALSE",
  "n",
  "N",
  "no",
  "No",
  "NO",
  "off",
  "Off",
  "OFF"
];
var boolYaml11Tag = defineScalarTag("tag:yaml.org,2002:bool", {
  implicit: true,
  implicitFirstChars: [
    "y",
    "Y",
    "n",
    "N",
    "t",
    "T",
    "f",
    "F",
    "o",
    "O"
  ],
  resolve: (source) => {
    if (TRUE_VALUES.indexOf(source) !== -1) return true;
    if (FALSE_VALUES.indexOf(source) !== -1) return false;
    return NOT_RESOLVED;
  },
  identify: (object) => Object.prototype.toString.call(object) === "[object Boolean]",
  represent: (object) => object ? "true" : "false"
});
var YAML_INTEGER_IMPLICIT_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:0o[0-7]+|0x[0-9a-fA-F]+|[-+]?[0-9]+)$");
var YAML_INTEGER_EXPLICIT_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:[-+]?0b[0-1]+|[-+]?0o[0-7]+|[-+]?0x[0-9a-fA-F]+|[-+]?[0-9]+)$");
function parseYamlInteger$2(source) {
  let value = source;
  let sign = 1;
  if (value[0] === "-" || value[0] === "+") {
    if (value[0] === "-") sign = -1;
    value = value.slice(1);
  }
  if (value.startsWith("0b")) return sign * parseInt(value.slice(2), 2);
  if (value.startsWith("0o")) return sign * parseInt(value.slice(2), 8);
  if (value.startsWith("0x")) return sign * parseInt(value.slice(2), 16);
  return sign * parseInt(value, 10);
}
function resolveYamlInteger$2(source, isExplicit) {
  if (isExplicit) {
    if (!YAML_INTEGER_EXPLICIT_PATTERN$1.test(source)) return NOT_RESOLVED;
  } else if (!YAML_INTEGER_IMPLICIT_PATTERN$1.test(source)) return NOT_RESOLVED;
  const result = parseYamlInteger$2(source);
  return Number.isFinite(result) ? result : NOT_RESOLVED;
}
var intCoreTag = defineScalarTag("tag:yaml.org,2002:int", {
  implicit: true,
  implicitFirstChars: [
    "-",
    "+",
    ..."0123456789"
  ],
  resolve: resolveYamlInteger$2,
  identify: (object) => Number.isInteger(object) && !Object.is(object, -0) && object.toString(10).indexOf("e") < 0,
  represent: (object) => object.toString(10)
});
var YAML_INTEGER_IMPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^-?(?:0|[1-9][0-9]*)$");
var YAML_INTEGER_EXPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?0b[0-1]+|[-+]?0o[0-7]+|[-+]?0x[0-9a-fA-F]+|[-+]?[0-9]+)$");
function parseYamlInteger$1(source) {
  let value = source;
  let sign = 1;
  if (value[0] === "-" || value[0] === "+") {
    if (value[0] === "-") sign = -1;
    value = value.slice(1);
  }
  if (value.startsWith("0b")) return sign * parseInt(value.slice(2), 2);
  if (value.startsWith("0o")) return sign * parseInt(value.slice(2), 8);
  if (value.startsWith("0x")) return sign * parseInt(value.slice(2), 16);
  return sign * parseInt(value, 10);
}
function resolveYamlInteger$1(source, isExplicit) {
  if (isExplicit) {
    if (!YAML_INTEGER_EXPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
  } else if (!YAML_INTEGER_IMPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
  const result = parseYamlInteger$1(source);
  return Number.isFinite(result) ? result : NOT_RESOLVED;
}
var intJsonTag = defineScalarTag("tag:yaml.org,2002:int", {
  implicit: true,
  implicitFirstChars: ["-", ..."0123456789"],
  resolve: resolveYamlInteger$1,
  identify: (object) => Number.isInteger(object) && !Object.is(object, -0) && object.toString(10).indexOf("e") < 0,
  represent: (object) => object.toString(10)
});
var YAML_INTEGER_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?0x[0-9a-fA-F_]+|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+|[-+]?(?:0|[1-9][0-9_]*))$");
function parseYamlInteger(source) {
  let value = source.replace(/_/g, "");
  let sign = 1;
  if (value[0] === "-" || value[0] === "+") {
    if (value[0] === "-") sign = -1;
    value = value.slice(1);
  }
  if (value.startsWith("0b")) return sign * parseInt(value.slice(2), 2);
  if (value.startsWith("0x")) return sign * parseInt(value.slice(2), 16);
  if (value.includes(":")) {
    let result = 0;
    for (const part of value.split(":")) result = result * 60 + Number(part);
    return sign * result;
  }
  if (value !== "0" && value[0] === "0") return sign * parseInt(value, 8);
  return sign * parseInt(value, 10);
}
function resolveYamlInteger(source) {
  if (!YAML_INTEGER_PATTERN.test(source)) return NOT_RESOLVED;
  const result = parseYamlInteger(source);
  return Number.isFinite(result) ? result : NOT_RESOLVED;
}
var intYaml11Tag = defineScalarTag("tag:yaml.org,2002:int", {
  implicit: true,
  implicitFirstChars: [
    "-",
    "+",
    ..."0123456789"
  ],
  resolve: resolveYamlInteger,
  identify: (object) => Number.isInteger(object) && !Object.is(object, -0) && object.toString(10).indexOf("e") < 0,
  represent: (object) => object.toString(10)
});
var YAML_FLOAT_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:[-+]?[0-9]+(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
var YAML_FLOAT_SPECIAL_PATTERN$1 = /* @__PURE__ */ new RegExp("^(?:[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
function resolveYamlFloat$2(source) {
  if (!YAML_FLOAT_PATTERN$1.test(source)) return NOT_RESOLVED;
  let value = source.toLowerCase();
  const sign = value[0] === "-" ? -1 : 1;
  if ("+-".includes(value[0])) value = value.slice(1);
  if (value === ".inf") return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  if (value === ".nan") return NaN;
  const result = sign * parseFloat(value);
  if (Number.isFinite(result) || YAML_FLOAT_SPECIAL_PATTERN$1.test(source)) return result;
  return NOT_RESOLVED;
}
function representYamlFloat$2(object) {
  if (isNaN(object)) return ".nan";
  if (object === Number.POSITIVE_INFINITY) return ".inf";
  if (object === Number.NEGATIVE_INFINITY) return "-.inf";
  if (Object.is(object, -0)) return "-0.0";
  const result = object.toString(10);
  return /^[-+]?[0-9]+e/.test(result) ? result.replace("e", ".e") : result;
}
var floatCoreTag = defineScalarTag("tag:yaml.org,2002:float", {
  implicit: true,
  implicitFirstChars: [
    "-",
    "+",
    ".",
    ..."0123456789"
  ],
  resolve: resolveYamlFloat$2,
  identify: (object) => typeof object === "number" && (!Number.isInteger(object) || Object.is(object, -0) || object.toString(10).indexOf("e") >= 0),
  represent: representYamlFloat$2
});
var YAML_FLOAT_IMPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^-?(?:0|[1-9][0-9]*)(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$");
var YAML_FLOAT_EXPLICIT_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?[0-9]+(?:\\.[0-9]*)?(?:[eE][-+]?[0-9]+)?|[-+]?\\.[0-9]+(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
function resolveYamlFloat$1(source, isExplicit) {
  if (isExplicit) {
    if (!YAML_FLOAT_EXPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
    let value = source.toLowerCase();
    const sign = value[0] === "-" ? -1 : 1;
    if ("+-".includes(value[0])) value = value.slice(1);
    if (value === ".inf") return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
    if (value === ".nan") return NaN;
    const result2 = sign * parseFloat(value);
    return Number.isFinite(result2) ? result2 : NOT_RESOLVED;
  }
  if (!YAML_FLOAT_IMPLICIT_PATTERN.test(source)) return NOT_RESOLVED;
  const result = Number(source);
  if (Number.isFinite(result)) return result;
  return NOT_RESOLVED;
}
function representYamlFloat$1(object) {
  if (isNaN(object)) return ".nan";
  if (object === Number.POSITIVE_INFINITY) return ".inf";
  if (object === Number.NEGATIVE_INFINITY) return "-.inf";
  if (Object.is(object, -0)) return "-0.0";
  const result = object.toString(10);
  return /^[-+]?[0-9]+e/.test(result) ? result.replace("e", ".e") : result;
}
var floatJsonTag = defineScalarTag("tag:yaml.org,2002:float", {
  implicit: true,
  implicitFirstChars: ["-", ..."0123456789"],
  resolve: resolveYamlFloat$1,
  identify: (object) => typeof object === "number" && (!Number.isInteger(object) || Object.is(object, -0) || object.toString(10).indexOf("e") >= 0),
  represent: representYamlFloat$1
});
var YAML_FLOAT_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?(?:(?:[0-9][0-9_]*)?\\.[0-9_]*)(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
var YAML_FLOAT_SPECIAL_PATTERN = /* @__PURE__ */ new RegExp("^(?:[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$");
function resolveYamlFloat(source) {
  if (!YAML_FLOAT_PATTERN.test(source)) return NOT_RESOLVED;
  let value = source.toLowerCase().replace(/_/g, "");
  const sign = value[0] === "-" ? -1 : 1;
  if ("+-".includes(value[0])) value = value.slice(1);
  if (value === ".inf") return sign === 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  if (value === ".nan") return NaN;
  let result = 0;
  if (value.includes(":")) {
    for (const part of value.split(":")) result = result * 60 + Number(part);
    result *= sign;
  } else result = sign * parseFloat(value);
  if (Number.isFinite(result) || YAML_FLOAT_SPECIAL_PATTERN.test(source)) return result;
  return NOT_RESOLVED;
}
function representYamlFloat(object) {
  if (isNaN(object)) return ".nan";
  if (object === Number.POSITIVE_INFINITY) return ".inf";
  if (object === Number.NEGATIVE_INFINITY) return "-.inf";
  if (Object.is(object, -0)) return "-0.0";
  const result = object.toString(10);
  return /^[-+]?[0-9]+e/.test(result) ? result.replace("e", ".e") : result;
}
var floatYaml11Tag = defineScalarTag("tag:yaml.org,2002:float", {
  implicit: true,
  implicitFirstChars: [
    "-",
    "+",
    ".",
    ..."0123456789"
  ],
  resolve: resolveYamlFloat,
  identify: (object) => typeof object === "number" && (!Number.isInteger(object) || Object.is(object, -0) || object.toString(10).indexOf("e") >= 0),
  represent: representYamlFloat
});
var mergeTag = defineScalarTag("tag:yaml.org,2002:merge", {
  implicit: true,
  implicitFirstChars: ["<"],
  resolve: (source, isExplicit) => {
    if (source === "<<" || isExplicit && source === "") return "<<";
    return NOT_RESOLVED;
  },
  identify: () => false
});
var BASE64_PATTERN = /^[A-Za-z0-9+/]*={0,2}$/;
function resolveYamlBinary(source) {
  const input = source.replace(/\s/g, "");
  if (input.length % 4 !== 0 || !BASE64_PATTERN.test(input)) return NOT_RESOLVED;
  const binary = atob(input);
  const result = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) result[index] = binary.charCodeAt(index);
  return result;
}
function representYamlBinary(object) {
  let binary = "";
  for (let index = 0; index < object.length; index++) binary += String.fromCharCode(object[index]);
  return btoa(binary);
}
var binaryTag = defineScalarTag("tag:yaml.org,2002:binary", {
  resolve: resolveYamlBinary,
  identify: (object) => Object.prototype.toString.call(object) === "[object Uint8Array]",
  represent: representYamlBinary
});
var YAML_DATE_REGEXP = /* @__PURE__ */ new RegExp("^([0-9][0-9][0-9][0-9])-([0-9][0-9])-([0-9][0-9])$");
var YAML_TIMESTAMP_REGEXP = /* @__PURE__ */ new RegExp("^([0-9][0-9][0-9][0-9])-([0-9][0-9]?)-([0-9][0-9]?)(?:[Tt]|[ \\t]+)([0-9][0-9]?):([0-9][0-9]):([0-9][0-9])(?:\\.([0-9]*))?(?:[ \\t]*(Z|([-+])([0-9][0-9]?)(?::([0-9][0-9]))?))?$");
function makeUtcDate(year, month, day, hour = 0, minute = 0, second = 0, fraction = 0) {
  const date = new Date(Date.UTC(year, month, day, hour, minute, second, fraction));
  date.setUTCFullYear(year, month, day);
  return date;
}
function resolveYamlTimestamp(source) {
  let match2 = YAML_DATE_REGEXP.exec(source);
  if (match2 === null) match2 = YAML_TIMESTAMP_REGEXP.exec(source);
  if (match2 === null) return NOT_RESOLVED;
  const year = +match2[1];
  const month = +match2[2] - 1;
  const day = +match2[3];
  if (!match2[4]) {
    const date2 = makeUtcDate(year, month, day);
    if (date2.getUTCFullYear() !== year || date2.getUTCMonth() !== month || date2.getUTCDate() !== day) return NOT_RESOLVED;
    return date2;
  }
  const hour = +match2[4];
  const minute = +match2[5];
  const second = +match2[6];
  let fraction = 0;
  if (hour > 23 || minute > 59 || second > 59) return NOT_RESOLVED;
  if (match2[7]) {
    let value = match2[7].slice(0, 3);
    while (value.length < 3) value += "0";
    fraction = +value;
  }
  const date = makeUtcDate(year, month, day, hour, minute, second, fraction);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month || date.getUTCDate() !== day) return NOT_RESOLVED;
  if (match2[9]) {
    const offsetHour = +match2[10];
    const offsetMinute = +(match2[11] || 0);
    if (offsetHour > 23 || offsetMinute > 59) return NOT_RESOLVED;
    const offset = (offsetHour * 60 + offsetMinute) * 6e4;
    date.setTime(date.getTime() - (match2[9] === "-" ? -offset : offset));
  }
  return date;
}
var timestampTag = defineScalarTag("tag:yaml.org,2002:timestamp", {
  implicit: true,
  implicitFirstChars: [..."0123456789"],
  resolve: resolveYamlTimestamp,
  identify: (object) => object instanceof Date,
  represent: (object) => object.toISOString()
});
var seqTag = defineSequenceTag("tag:yaml.org,2002:seq", {
  create: () => [],
  addItem: (container, item) => {
    container.push(item);
  },
  identify: Array.isArray
});
function isPlainObject(data) {
  if (data === null || typeof data !== "object" || Array.isArray(data)) return false;
  const prototype = Object.getPrototypeOf(data);
  return prototype === null || prototype === Object.prototype;
}
function pick(object, keys) {
  const result = {};
  for (const key of keys) if (object[key] !== void 0) result[key] = object[key];
  return result;
}
var omapTag = defineSequenceTag("tag:yaml.org,2002:omap", {
  create: () => ({
    list: [],
    seen: /* @__PURE__ */ new Set()
  }),
  addItem: (carrier, item) => {
    let key;
    if (item instanceof Map) {
      if (item.size !== 1) return "cannot resolve an ordered map item";
      key = item.keys().next().value;
    } else if (isPlainObject(item)) {
      const itemKeys = Object.keys(item);
      if (itemKeys.length !== 1) return "cannot resolve an ordered map item";
      key = itemKeys[0];
    } else return "cannot resolve an ordered map item";
    if (carrier.seen.has(key)) return "duplicate key in ordered map";
    carrier.seen.add(key);
    carrier.list.push(item);
    return "";
  },
  finalize: (carrier) => carrier.list,
  identify: () => false
});
var pairsTag = defineSequenceTag("tag:yaml.org,2002:pairs", {
  create: () => [],
  addItem: (container, item) => {
    if (item instanceof Map) {
      if (item.size !== 1) return "cannot resolve a pairs item";
      container.push(item.entries().next().value);
      return "";
    }
    if (Object.prototype.toString.call(item) !== "[object Object]") return "cannot resolve a pairs item";
    const object = item;
    const keys = Object.keys(object);
    if (keys.length !== 1) return "cannot resolve a pairs item";
    container.push([keys[0], object[keys[0]]]);
    return "";
  },
  identify: () => false
});
var mapTag = defineMappingTag("tag:yaml.org,2002:map", {
  create: () => ({}),
  identify: isPlainObject,
  represent: (o) => {
    const map = /* @__PURE__ */ new Map();
    for (const key of Object.keys(o)) map.set(key, o[key]);
    return map;
  },
  addPair: (container, key, value) => {
    if (key !== null && typeof key === "object") return "object-based map does not support complex keys";
    const normalizedKey = String(key);
    if (normalizedKey === "__proto__") Object.defineProperty(container, normalizedKey, {
      value,
      enumerable: true,
      configurable: true,
      writable: true
    });
    else container[normalizedKey] = value;
    return "";
  },
  has: (container, key) => {
    if (key !== null && typeof key === "object") return false;
    return Object.prototype.hasOwnProperty.call(container, String(key));
  },
  keys: (container) => Object.keys(container),
  get: (container, key) => {
    const normalizedKey = String(key);
    if (!Object.prototype.hasOwnProperty.call(container, normalizedKey)) return null;
    return container[normalizedKey];
  }
});
var setTag = defineMappingTag("tag:yaml.org,2002:set", {
  create: () => /* @__PURE__ */ new Set(),
  identify: (data) => data instanceof Set,
  represent: (data) => {
    const map = /* @__PURE__ */ new Map();
    for (const key of data) map.set(key, null);
    return map;
  },
  addPair: (container, key, value) => {
    if (value !== null) return "cannot resolve a set item";
    container.add(key);
    return "";
  },
  has: (container, key) => container.has(key),
  keys: (container) => container.keys(),
  get: () => null
});
function createTagDefinitionMap() {
  return {
    scalar: /* @__PURE__ */ Object.create(null),
    sequence: /* @__PURE__ */ Object.create(null),
    mapping: /* @__PURE__ */ Object.create(null)
  };
}
function createTagDefinitionListMap() {
  return {
    scalar: [],
    sequence: [],
    mapping: []
  };
}
function compileTags(tags) {
  const result = [];
  for (const tag of tags) {
    let index = result.length;
    for (let previousIndex = 0; previousIndex < result.length; previousIndex++) {
      const previous = result[previousIndex];
      if (previous.nodeKind === tag.nodeKind && previous.tagName === tag.tagName && previous.matchByTagPrefix === tag.matchByTagPrefix) {
        index = previousIndex;
        break;
      }
    }
    result[index] = tag;
  }
  return result;
}
var Schema = class Schema2 {
  tags;
  /** @internal */
  implicitScalarTags;
  /**
  * Dispatch implicit scalar resolvers by `source.charAt(0)`. Each bucket holds
  * the resolvers that may match that key, in schema order; a key absent from
  * the map uses
  * {@link Schema.implicitScalarAnyFirstChar}
  * (resolvers that declared no first-char constraint, so they apply to any
  * first character).
  */
  implicitScalarByFirstChar;
  implicitScalarAnyFirstChar;
  /**
  * The default scalar tag (`!!str`), resolved once so the composer's fallback
  * for unresolved plain scalars avoids a keyed lookup per scalar.
  *
  * @internal
  */
  defaultScalarTag;
  /**
  * The default container tags (`!!seq` / `!!map`), used by the dumper: when a
  * value is identified by its default tag, the tag is implicit and not
  * printed. Undefined if the schema does not define them (then such values
  * can't be dumped).
  *
  * @internal
  */
  defaultSequenceTag;
  /** @internal */
  defaultMappingTag;
  exact;
  prefix;
  constructor(tags) {
    const compiledTags = compileTags(tags);
    const implicitScalarTags = [];
    const exact = createTagDefinitionMap();
    const prefix2 = createTagDefinitionListMap();
    for (const tag of compiledTags) {
      if (tag.nodeKind === "scalar" && tag.implicit) {
        if (tag.matchByTagPrefix) throw new Error("Implicit scalar tags cannot match by tag prefix");
        implicitScalarTags.push(tag);
      }
      switch (tag.nodeKind) {
        case "scalar":
          if (tag.matchByTagPrefix) prefix2.scalar.push(tag);
          else exact.scalar[tag.tagName] = tag;
          break;
        case "sequence":
          if (tag.matchByTagPrefix) prefix2.sequence.push(tag);
          else exact.sequence[tag.tagName] = tag;
          break;
        case "mapping":
          if (tag.matchByTagPrefix) prefix2.mapping.push(tag);
          else exact.mapping[tag.tagName] = tag;
      }
    }
    const implicitScalarAnyFirstChar = implicitScalarTags.filter((tag) => tag.implicitFirstChars === null);
    const keys = /* @__PURE__ */ new Set();
    for (const tag of implicitScalarTags) if (tag.implicitFirstChars !== null) for (const key of tag.implicitFirstChars) keys.add(key);
    const implicitScalarByFirstChar = /* @__PURE__ */ new Map();
    for (const key of keys) implicitScalarByFirstChar.set(key, implicitScalarTags.filter((tag) => tag.implicitFirstChars === null || tag.implicitFirstChars.indexOf(key) !== -1));
    const defaultScalarTag = exact.scalar["tag:yaml.org,2002:str"];
    if (!defaultScalarTag) throw new Error("schema does not define the default scalar tag (tag:yaml.org,2002:str)");
    this.tags = compiledTags;
    this.implicitScalarTags = implicitScalarTags;
    this.implicitScalarByFirstChar = implicitScalarByFirstChar;
    this.implicitScalarAnyFirstChar = implicitScalarAnyFirstChar;
    this.defaultScalarTag = defaultScalarTag;
    this.defaultSequenceTag = exact.sequence["tag:yaml.org,2002:seq"];
    this.defaultMappingTag = exact.mapping["tag:yaml.org,2002:map"];
    this.exact = exact;
    this.prefix = prefix2;
  }
  /** @internal */
  lookupScalarTag(tagName) {
    const exactTag = this.exact.scalar[tagName];
    if (exactTag) return exactTag;
    for (const tag of this.prefix.scalar) if (tagName.startsWith(tag.tagName)) return tag;
  }
  /** @internal */
  lookupSequenceTag(tagName) {
    const exactTag = this.exact.sequence[tagName];
    if (exactTag) return exactTag;
    for (const tag of this.prefix.sequence) if (tagName.startsWith(tag.tagName)) return tag;
  }
  /** @internal */
  lookupMappingTag(tagName) {
    const exactTag = this.exact.mapping[tagName];
    if (exactTag) return exactTag;
    for (const tag of this.prefix.mapping) if (tagName.startsWith(tag.tagName)) return tag;
  }
  /** @internal */
  resolveImplicitScalarTag(source) {
    const candidates = this.implicitScalarByFirstChar.get(source.charAt(0)) ?? this.implicitScalarAnyFirstChar;
    for (const tag2 of candidates) {
      const value = tag2.resolve(source, false, tag2.tagName);
      if (value !== NOT_RESOLVED) return {
        value,
        tag: tag2
      };
    }
    const tag = this.defaultScalarTag;
    return {
      value: tag.resolve(source, false, tag.tagName),
      tag
    };
  }
  /**
  * Creates a new schema with the specified tags added. If a tag already
  * exists, it is replaced by the specified tag.
  *
  * @example
  *
  * ```javascript
  * import { CORE_SCHEMA, mergeTag, realMapTag } from 'js-yaml'
  *
  * const schema = CORE_SCHEMA.withTags(mergeTag, realMapTag)
  * ```
  */
  withTags(...tags) {
    let flatTags = [];
    for (const tag of tags) flatTags = flatTags.concat(tag);
    return new Schema2([...this.tags, ...flatTags]);
  }
};
var FAILSAFE_SCHEMA = new Schema([
  strTag,
  seqTag,
  mapTag
]);
var JSON_SCHEMA = new Schema([
  ...FAILSAFE_SCHEMA.tags,
  nullJsonTag,
  boolJsonTag,
  intJsonTag,
  floatJsonTag
]);
var CORE_SCHEMA = new Schema([
  ...FAILSAFE_SCHEMA.tags,
  nullCoreTag,
  boolCoreTag,
  intCoreTag,
  floatCoreTag
]);
var YAML11_SCHEMA = new Schema([
  ...FAILSAFE_SCHEMA.tags,
  nullYaml11Tag,
  boolYaml11Tag,
  intYaml11Tag,
  floatYaml11Tag,
  timestampTag,
  mergeTag,
  binaryTag,
  omapTag,
  pairsTag,
  setTag
]);
var DUMP_SCHEMA = YAML11_SCHEMA.withTags({
  ...intYaml11Tag,
  resolve: (source, isExplicit, tagName) => {
    const result = intYaml11Tag.resolve(source, isExplicit, tagName);
    return result === NOT_RESOLVED ? intCoreTag.resolve(source, isExplicit, tagName) : result;
  }
}, {
  ...floatYaml11Tag,
  resolve: (source, isExplicit, tagName) => {
    const result = floatYaml11Tag.resolve(source, isExplicit, tagName);
    return result === NOT_RESOLVED ? floatCoreTag.resolve(source, isExplicit, tagName) : result;
  }
});
var realMapTag = defineMappingTag("tag:yaml.org,2002:map", {
  create: () => /* @__PURE__ */ new Map(),
  addPair: (container, key, value) => {
    container.set(key, value);
    return "";
  },
  has: (container, key) => container.has(key),
  keys: (container) => container.keys(),
  get: (container, key) => container.get(key),
  identify: (data) => data instanceof Map || isPlainObject(data),
  represent: (data) => {
    if (data instanceof Map) return data;
    const map = /* @__PURE__ */ new Map();
    const obj = data;
    for (const key of Object.keys(obj)) map.set(key, obj[key]);
    return map;
  }
});
function normalizeKey(key) {
  if (Array.isArray(key)) {
    const array = Array.prototype.slice.call(key);
    for (let index = 0; index < array.length; index++) {
      if (Array.isArray(array[index])) return null;
      if (typeof array[index] === "object" && Object.prototype.toString.call(array[index]) === "[object Object]") array[index] = "[object Object]";
    }
    return String(array);
  }
  if (typeof key === "object" && Object.prototype.toString.call(key) === "[object Object]") return "[object Object]";
  return String(key);
}
var legacyMapTag = defineMappingTag("tag:yaml.org,2002:map", {
  create: () => ({}),
  identify: isPlainObject,
  represent: (o) => {
    const map = /* @__PURE__ */ new Map();
    for (const key of Object.keys(o)) map.set(key, o[key]);
    return map;
  },
  addPair: (container, key, value) => {
    const normalizedKey = normalizeKey(key);
    if (normalizedKey === null) return "nested arrays are not supported inside keys";
    if (normalizedKey === "__proto__") Object.defineProperty(container, normalizedKey, {
      value,
      enumerable: true,
      configurable: true,
      writable: true
    });
    else container[normalizedKey] = value;
    return "";
  },
  has: (container, key) => {
    const normalizedKey = normalizeKey(key);
    return normalizedKey !== null && Object.prototype.hasOwnProperty.call(container, normalizedKey);
  },
  keys: (container) => Object.keys(container),
  get: (container, key) => {
    const normalizedKey = String(key);
    if (!Object.prototype.hasOwnProperty.call(container, normalizedKey)) return null;
    return container[normalizedKey];
  }
});
var DEFAULT_SNIPPET_OPTIONS = {
  maxLength: 79,
  indent: 1,
  linesBefore: 3,
  linesAfter: 2
};
function getLine(buffer, lineStart, lineEnd, position, maxLineLength) {
  let head = "";
  let tail = "";
  const maxHalfLength = Math.floor(maxLineLength / 2) - 1;
  if (position - lineStart > maxHalfLength) {
    head = " ... ";
    lineStart = position - maxHalfLength + head.length;
  }
  if (lineEnd - position > maxHalfLength) {
    tail = " ...";
    lineEnd = position + maxHalfLength - tail.length;
  }
  return {
    str: head + buffer.slice(lineStart, lineEnd).replace(/\t/g, "\u2192") + tail,
    pos: position - lineStart + head.length
  };
}
function padStart(string, max) {
  return " ".repeat(Math.max(max - string.length, 0)) + string;
}
function makeSnippet(mark, options) {
  if (!mark.buffer) return null;
  const opts = {
    ...DEFAULT_SNIPPET_OPTIONS,
    ...options
  };
  const re = /\r?\n|\r|\0/g;
  const lineStarts = [0];
  const lineEnds = [];
  let match2;
  let foundLineNo = -1;
  while (match2 = re.exec(mark.buffer)) {
    lineEnds.push(match2.index);
    lineStarts.push(match2.index + match2[0].length);
    if (mark.position <= match2.index && foundLineNo < 0) foundLineNo = lineStarts.length - 2;
  }
  if (foundLineNo < 0) foundLineNo = lineStarts.length - 1;
  let result = "";
  const lineNoLength = Math.min(mark.line + opts.linesAfter, lineEnds.length).toString().length;
  const maxLineLength = opts.maxLength - (opts.indent + lineNoLength + 3);
  for (let i = 1; i <= opts.linesBefore; i++) {
    if (foundLineNo - i < 0) break;
    const line2 = getLine(mark.buffer, lineStarts[foundLineNo - i], lineEnds[foundLineNo - i], mark.position - (lineStarts[foundLineNo] - lineStarts[foundLineNo - i]), maxLineLength);
    result = `${" ".repeat(opts.indent)}${padStart((mark.line - i + 1).toString(), lineNoLength)} | ${line2.str}
${result}`;
  }
  const line = getLine(mark.buffer, lineStarts[foundLineNo], lineEnds[foundLineNo], mark.position, maxLineLength);
  result += `${" ".repeat(opts.indent)}${padStart((mark.line + 1).toString(), lineNoLength)} | ${line.str}
`;
  result += `${"-".repeat(opts.indent + lineNoLength + 3 + line.pos)}^
`;
  for (let i = 1; i <= opts.linesAfter; i++) {
    if (foundLineNo + i >= lineEnds.length) break;
    const line2 = getLine(mark.buffer, lineStarts[foundLineNo + i], lineEnds[foundLineNo + i], mark.position - (lineStarts[foundLineNo] - lineStarts[foundLineNo + i]), maxLineLength);
    result += `${" ".repeat(opts.indent)}${padStart((mark.line + i + 1).toString(), lineNoLength)} | ${line2.str}
`;
  }
  return result.replace(/\n$/, "");
}
function formatError(exception, compact) {
  let where = "";
  if (!exception.mark) return exception.reason;
  if (exception.mark.name) where += `in "${exception.mark.name}" `;
  where += `(${exception.mark.line + 1}:${exception.mark.column + 1})`;
  if (!compact && exception.mark.snippet) where += `

${exception.mark.snippet}`;
  return `${exception.reason} ${where}`;
}
var YAMLException = class YAMLException2 extends Error {
  reason;
  mark;
  /**
  * Optional `mark` contains source snippet data. Usually, use
  * {@link YAMLException.throwAt} instead of passing it directly.
  */
  constructor(reason, mark) {
    super();
    this.name = "YAMLException";
    this.reason = reason;
    this.mark = mark;
    this.message = formatError(this, false);
    if (Error.captureStackTrace) Error.captureStackTrace(this, this.constructor);
  }
  /**
  * Returns the formatted error, omitting the source snippet in compact mode.
  */
  toString(compact) {
    return `${this.name}: ${formatError(this, compact)}`;
  }
  /**
  * Builds a YAMLException with a source snippet and throws it. `source` is
  * the raw input text; `position` is an offset into it.
  */
  static throwAt(source, position, message, filename = "") {
    let line = 0;
    let lineStart = 0;
    for (let index = 0; index < position; index++) {
      const ch = source.charCodeAt(index);
      if (ch === 10) {
        line++;
        lineStart = index + 1;
      } else if (ch === 13) {
        line++;
        if (source.charCodeAt(index + 1) === 10) index++;
        lineStart = index + 1;
      }
    }
    const mark = {
      name: filename,
      buffer: source,
      position,
      line,
      column: position - lineStart
    };
    mark.snippet = makeSnippet(mark);
    throw new YAMLException2(message, mark);
  }
};
var EVENT_ID = {
  DOCUMENT: 1,
  SEQUENCE: 2,
  MAPPING: 3,
  SCALAR: 4,
  ALIAS: 5,
  POP: 6
};
var SCALAR_STYLE = {
  PLAIN: 1,
  SINGLE_QUOTED: 2,
  DOUBLE_QUOTED: 3,
  LITERAL_BLOCK: 4,
  FOLDED_BLOCK: 5
};
var COLLECTION_STYLE = {
  BLOCK: 1,
  FLOW: 2
};
var CHOMPING_MODE = {
  CLIP: 1,
  STRIP: 2,
  KEEP: 3
};
var NO_RANGE$3 = -1;
function simpleEscapeSequence(c) {
  switch (c) {
    case 48:
      return "\0";
    case 97:
      return "\x07";
    case 98:
      return "\b";
    case 116:
      return "	";
    case 9:
      return "	";
    case 110:
      return "\n";
    case 118:
      return "\v";
    case 102:
      return "\f";
    case 114:
      return "\r";
    case 101:
      return "\x1B";
    case 32:
      return " ";
    case 34:
      return '"';
    case 47:
      return "/";
    case 92:
      return "\\";
    case 78:
      return "\x85";
    case 95:
      return "\xA0";
    case 76:
      return "\u2028";
    case 80:
      return "\u2029";
    default:
      return "";
  }
}
var simpleEscapeCheck = new Array(256);
var simpleEscapeMap = new Array(256);
for (let i = 0; i < 256; i++) {
  simpleEscapeCheck[i] = simpleEscapeSequence(i) ? 1 : 0;
  simpleEscapeMap[i] = simpleEscapeSequence(i);
}
function charFromCodepoint(c) {
  if (c <= 65535) return String.fromCharCode(c);
  return String.fromCharCode((c - 65536 >> 10) + 55296, (c - 65536 & 1023) + 56320);
}
function fromHexCode$1(c) {
  if (c >= 48 && c <= 57) return c - 48;
  return (c | 32) - 97 + 10;
}
function escapedHexLen$1(c) {
  if (c === 120) return 2;
  if (c === 117) return 4;
  return 8;
}
function skipFoldedBreaks(input, position, end) {
  let breaks = 0;
  while (position < end) {
    const ch = input.charCodeAt(position);
    if (ch === 10) {
      breaks++;
      position++;
    } else if (ch === 13) {
      breaks++;
      position++;
      if (input.charCodeAt(position) === 10) position++;
    } else if (ch === 32 || ch === 9) position++;
    else break;
  }
  return {
    position,
    breaks
  };
}
function foldedBreaks(count) {
  if (count === 1) return " ";
  return "\n".repeat(count - 1);
}
function getPlainValue(input, start, end) {
  let result = "";
  let position = start;
  let captureStart = start;
  let captureEnd = start;
  while (position < end) {
    const ch = input.charCodeAt(position);
    if (ch === 10 || ch === 13) {
      result += input.slice(captureStart, captureEnd);
      const fold = skipFoldedBreaks(input, position, end);
      result += foldedBreaks(fold.breaks);
      position = captureStart = captureEnd = fold.position;
    } else {
      position++;
      if (ch !== 32 && ch !== 9) captureEnd = position;
    }
  }
  return result + input.slice(captureStart, captureEnd);
}
function getSingleQuotedValue(input, start, end) {
  let result = "";
  let position = start;
  let captureStart = start;
  let captureEnd = start;
  while (position < end) {
    const ch = input.charCodeAt(position);
    if (ch === 39) {
      result += input.slice(captureStart, position) + "'";
      position += 2;
      captureStart = captureEnd = position;
    } else if (ch === 10 || ch === 13) {
      result += input.slice(captureStart, captureEnd);
      const fold = skipFoldedBreaks(input, position, end);
      result += foldedBreaks(fold.breaks);
      position = captureStart = captureEnd = fold.position;
    } else {
      position++;
      if (ch !== 32 && ch !== 9) captureEnd = position;
    }
  }
  return result + input.slice(captureStart, end);
}
function getDoubleQuotedValue(input, start, end) {
  let result = "";
  let position = start;
  let captureStart = start;
  let captureEnd = start;
  while (position < end) {
    const ch = input.charCodeAt(position);
    if (ch === 92) {
      result += input.slice(captureStart, position);
      position++;
      const escaped = input.charCodeAt(position);
      if (escaped === 10 || escaped === 13) position = skipFoldedBreaks(input, position, end).position;
      else if (escaped < 256 && simpleEscapeCheck[escaped]) {
        result += simpleEscapeMap[escaped];
        position++;
      } else {
        let hexLength = escapedHexLen$1(escaped);
        let hexResult = 0;
        for (; hexLength > 0; hexLength--) {
          position++;
          const digit2 = fromHexCode$1(input.charCodeAt(position));
          hexResult = (hexResult << 4) + digit2;
        }
        result += charFromCodepoint(hexResult);
        position++;
      }
      captureStart = captureEnd = position;
    } else if (ch === 10 || ch === 13) {
      result += input.slice(captureStart, captureEnd);
      const fold = skipFoldedBreaks(input, position, end);
      result += foldedBreaks(fold.breaks);
      position = captureStart = captureEnd = fold.position;
    } else {
      position++;
      if (ch !== 32 && ch !== 9) captureEnd = position;
    }
  }
  return result + input.slice(captureStart, end);
}
function getBlockValue(input, start, end, indent2, chomping, folded) {
  const textIndent = indent2 < 0 ? 0 : indent2;
  const region = input.slice(start, end).replace(/\r\n?/g, "\n");
  const lines = region === "" ? [] : (region.endsWith("\n") ? region.slice(0, -1) : region).split("\n");
  let result = "";
  let didReadContent = false;
  let emptyLines = 0;
  let atMoreIndented = false;
  for (const line of lines) {
    let column = 0;
    while (column < textIndent && line.charCodeAt(column) === 32) column++;
    if (indent2 < 0 || column >= line.length) {
      emptyLines++;
      continue;
    }
    const content = line.slice(textIndent);
    const first = content.charCodeAt(0);
    if (folded) {
      if (first === 32 || first === 9) {
        atMoreIndented = true;
        result += "\n".repeat(didReadContent ? 1 + emptyLines : emptyLines);
      } else if (atMoreIndented) {
        atMoreIndented = false;
        result += "\n".repeat(emptyLines + 1);
      } else if (emptyLines === 0) {
        if (didReadContent) result += " ";
      } else result += "\n".repeat(emptyLines);
    } else result += "\n".repeat(didReadContent ? 1 + emptyLines : emptyLines);
    result += content;
    didReadContent = true;
    emptyLines = 0;
  }
  if (chomping === CHOMPING_MODE.KEEP) result += "\n".repeat(didReadContent ? 1 + emptyLines : emptyLines);
  else if (chomping !== CHOMPING_MODE.STRIP) {
    if (didReadContent) result += "\n";
  }
  return result;
}
function getScalarValue(input, scalar) {
  if (scalar.valueStart === NO_RANGE$3) return "";
  const { valueStart, valueEnd } = scalar;
  if (scalar.fast) return input.slice(valueStart, valueEnd);
  switch (scalar.style) {
    case SCALAR_STYLE.SINGLE_QUOTED:
      return getSingleQuotedValue(input, valueStart, valueEnd);
    case SCALAR_STYLE.DOUBLE_QUOTED:
      return getDoubleQuotedValue(input, valueStart, valueEnd);
    case SCALAR_STYLE.LITERAL_BLOCK:
      return getBlockValue(input, valueStart, valueEnd, scalar.indent, scalar.chomping, false);
    case SCALAR_STYLE.FOLDED_BLOCK:
      return getBlockValue(input, valueStart, valueEnd, scalar.indent, scalar.chomping, true);
    default:
      return getPlainValue(input, valueStart, valueEnd);
  }
}
var DEFAULT_TAG_HANDLERS = Object.assign(/* @__PURE__ */ Object.create(null), {
  "!": "!",
  "!!": "tag:yaml.org,2002:"
});
var TAG_SUFFIX_CHARS = "-#;/?:@&=+$_.~*'()";
var TAG_URI_CHARS = TAG_SUFFIX_CHARS + "!,[]";
function tagPercentDecode(source) {
  let result = "";
  let index = 0;
  while (index < source.length) {
    if (source.charCodeAt(index) !== 37) {
      result += source[index++];
      continue;
    }
    let ch = parseInt(source.slice(index + 1, index + 3), 16);
    index += 3;
    if (ch >= 192) {
      let remaining = ch < 224 ? 1 : ch < 240 ? 2 : 3;
      ch &= (1 << 6 - remaining) - 1;
      while (remaining-- > 0) {
        ch = ch << 6 | parseInt(source.slice(index + 1, index + 3), 16) & 63;
        index += 3;
      }
    }
    if (ch < 65536) result += String.fromCharCode(ch);
    else {
      ch -= 65536;
      result += String.fromCharCode(55296 | ch >> 10, 56320 | ch & 1023);
    }
  }
  return result;
}
function tagNameFull(rawTag, tagHandlers) {
  if (rawTag.startsWith("!<") && rawTag.endsWith(">")) return tagPercentDecode(rawTag.slice(2, -1));
  const handleEnd = rawTag.indexOf("!", 1);
  const handle = handleEnd === -1 ? "!" : rawTag.slice(0, handleEnd + 1);
  return tagPercentDecode(tagHandlers?.[handle] ?? DEFAULT_TAG_HANDLERS[handle] ?? handle) + tagPercentDecode(rawTag.slice(handle.length));
}
var NO_RANGE$2 = -1;
var MERGE_TAG_NAME = "tag:yaml.org,2002:merge";
var DEFAULT_CONSTRUCTOR_OPTIONS = {
  filename: "",
  schema: CORE_SCHEMA,
  json: false,
  maxTotalMergeKeys: 1e4,
  maxAliases: -1
};
function eventPosition$1(event) {
  if ("tagStart" in event && event.tagStart !== NO_RANGE$2) return event.tagStart;
  if ("anchorStart" in event && event.anchorStart !== NO_RANGE$2) return event.anchorStart;
  if ("valueStart" in event && event.valueStart !== NO_RANGE$2) return event.valueStart;
  if ("start" in event) return event.start;
  return 0;
}
function throwError$1(state, message) {
  YAMLException.throwAt(state.source, state.position, message, state.filename);
}
function finalizeCollection(state, position, tag, carrier) {
  try {
    return tag.finalize(carrier);
  } catch (error) {
    if (error instanceof YAMLException) throw error;
    YAMLException.throwAt(state.source, position, error instanceof Error ? error.message : String(error), state.filename);
  }
}
function constructScalar(state, event) {
  const source = getScalarValue(state.source, event);
  const rawTag = event.tagStart === NO_RANGE$2 ? "" : state.source.slice(event.tagStart, event.tagEnd);
  const strTag2 = state.schema.defaultScalarTag;
  if (rawTag !== "") {
    if (rawTag === "!") return {
      value: source,
      tag: strTag2
    };
    const tagName = tagNameFull(rawTag, state.tagHandlers);
    const scalarTag = state.schema.lookupScalarTag(tagName);
    if (scalarTag) {
      const result = scalarTag.resolve(source, true, tagName);
      if (result === NOT_RESOLVED) throwError$1(state, `cannot resolve a node with !<${tagName}> explicit tag`);
      return {
        value: result,
        tag: scalarTag
      };
    }
    const collectionTagDef = state.schema.lookupMappingTag(tagName) ?? state.schema.lookupSequenceTag(tagName);
    if (collectionTagDef) {
      if (source !== "") throwError$1(state, `cannot resolve a node with !<${tagName}> explicit tag`);
      const carrier = collectionTagDef.create(tagName);
      return {
        value: collectionTagDef.carrierIsResult ? carrier : finalizeCollection(state, state.position, collectionTagDef, carrier),
        tag: collectionTagDef
      };
    }
    throwError$1(state, `unknown scalar tag !<${tagName}>`);
  }
  if (event.style === SCALAR_STYLE.PLAIN) return state.schema.resolveImplicitScalarTag(source);
  return {
    value: strTag2.resolve(source, false, strTag2.tagName),
    tag: strTag2
  };
}
function collectionTagName(state, event, defaultTagName) {
  const rawTag = event.tagStart === NO_RANGE$2 ? "" : state.source.slice(event.tagStart, event.tagEnd);
  return rawTag === "" || rawTag === "!" ? defaultTagName : tagNameFull(rawTag, state.tagHandlers);
}
function isMappingTag(tag) {
  return tag.nodeKind === "mapping";
}
function chargeMergeWork(state) {
  state.totalMergeKeys++;
  if (state.maxTotalMergeKeys !== -1 && state.totalMergeKeys > state.maxTotalMergeKeys) throwError$1(state, `merge keys exceeded maxTotalMergeKeys (${state.maxTotalMergeKeys})`);
}
function mergeKeys(state, frame, source, sourceTag) {
  chargeMergeWork(state);
  for (const sourceKey of sourceTag.keys(source)) {
    chargeMergeWork(state);
    if (frame.tag.has(frame.value, sourceKey)) continue;
    const err = frame.tag.addPair(frame.value, sourceKey, sourceTag.get(source, sourceKey));
    if (err) throwError$1(state, err);
    frame.overridable ??= /* @__PURE__ */ new Set();
    frame.overridable.add(sourceKey);
  }
}
function mergeSource(state, frame, source, sourceTag) {
  state.position = frame.keyPosition;
  if (isMappingTag(sourceTag)) mergeKeys(state, frame, source, sourceTag);
  else if (sourceTag.nodeKind === "sequence" && Array.isArray(source)) {
    if (source.length > 100) throwError$1(state, "abnormal merge sequence size");
    for (const element of source) {
      const elementTag = state.nodeTags.get(element);
      if (!elementTag) throwError$1(state, "cannot merge mappings; the provided source object is unacceptable");
      mergeKeys(state, frame, element, elementTag);
    }
  } else throwError$1(state, "cannot merge mappings; the provided source object is unacceptable");
}
function addMappingValue(state, frame, key, value, tag) {
  state.position = frame.keyPosition;
  if (frame.keyIsMerge) {
    mergeSource(state, frame, value, tag);
    return;
  }
  if (!state.json && frame.tag.has(frame.value, key) && !frame.overridable?.has(key)) throwError$1(state, "duplicated mapping key");
  const err = frame.tag.addPair(frame.value, key, value);
  if (err) throwError$1(state, err);
  frame.overridable?.delete(key);
}
function addValue(state, value, tag) {
  const frame = state.frames[state.frames.length - 1];
  if (frame.kind === "document") {
    frame.value = value;
    frame.hasValue = true;
  } else if (frame.kind === "sequence") {
    if (isMappingTag(tag)) state.nodeTags.set(value, tag);
    const err = frame.tag.addItem(frame.value, value, frame.index++);
    if (err) throwError$1(state, err);
  } else if (frame.hasKey) {
    const key = frame.key;
    frame.key = void 0;
    frame.hasKey = false;
    addMappingValue(state, frame, key, value, tag);
  } else {
    frame.key = value;
    frame.keyPosition = state.position;
    frame.hasKey = true;
    frame.keyIsMerge = tag.tagName === MERGE_TAG_NAME;
  }
}
function storeAnchor(state, event, value, tag, isValueFinal) {
  if (event.anchorStart !== NO_RANGE$2) {
    const anchor = {
      value,
      tag,
      isValueFinal
    };
    state.anchors.set(state.source.slice(event.anchorStart, event.anchorEnd), anchor);
    return anchor;
  }
  return null;
}
function constructFromEvents(events, options) {
  const state = {
    ...DEFAULT_CONSTRUCTOR_OPTIONS,
    ...options,
    events,
    documents: [],
    eventIndex: 0,
    position: 0,
    frames: [],
    anchors: /* @__PURE__ */ new Map(),
    nodeTags: /* @__PURE__ */ new Map(),
    tagHandlers: /* @__PURE__ */ Object.create(null),
    totalMergeKeys: 0,
    aliasCount: 0
  };
  while (state.eventIndex < state.events.length) {
    const event = state.events[state.eventIndex++];
    state.position = eventPosition$1(event);
    switch (event.type) {
      case EVENT_ID.DOCUMENT:
        state.anchors = /* @__PURE__ */ new Map();
        state.nodeTags = /* @__PURE__ */ new Map();
        state.aliasCount = 0;
        state.tagHandlers = /* @__PURE__ */ Object.create(null);
        for (const directive of event.directives) if (directive.kind === "tag") state.tagHandlers[directive.handle] = directive.prefix;
        state.frames.push({
          kind: "document",
          position: state.position,
          value: void 0,
          hasValue: false
        });
        break;
      case EVENT_ID.SCALAR: {
        const { value, tag } = constructScalar(state, event);
        storeAnchor(state, event, value, tag, true);
        addValue(state, value, tag);
        break;
      }
      case EVENT_ID.SEQUENCE: {
        const tagName = collectionTagName(state, event, "tag:yaml.org,2002:seq");
        const tag = state.schema.lookupSequenceTag(tagName);
        if (!tag) throwError$1(state, `unknown sequence tag !<${tagName}>`);
        const value = tag.create(tagName);
        const anchor = storeAnchor(state, event, value, tag, tag.carrierIsResult);
        state.frames.push({
          kind: "sequence",
          position: state.position,
          value,
          tag,
          anchor,
          index: 0
        });
        break;
      }
      case EVENT_ID.MAPPING: {
        const tagName = collectionTagName(state, event, "tag:yaml.org,2002:map");
        const tag = state.schema.lookupMappingTag(tagName);
        if (!tag) throwError$1(state, `unknown mapping tag !<${tagName}>`);
        const value = tag.create(tagName);
        const anchor = storeAnchor(state, event, value, tag, tag.carrierIsResult);
        state.frames.push({
          kind: "mapping",
          position: state.position,
          value,
          tag,
          anchor,
          key: void 0,
          keyPosition: state.position,
          hasKey: false,
          keyIsMerge: false,
          overridable: null
        });
        break;
      }
      case EVENT_ID.ALIAS: {
        if (state.maxAliases !== -1 && ++state.aliasCount > state.maxAliases) throwError$1(state, `aliases exceeded maxAliases (${state.maxAliases})`);
        const name = state.source.slice(event.anchorStart, event.anchorEnd);
        const anchor = state.anchors.get(name);
        if (!anchor) throwError$1(state, `unidentified alias "${name}"`);
        if (!anchor.isValueFinal) throwError$1(state, `recursive alias "${name}" is not supported for tag ${anchor.tag.tagName} because it uses finalize()`);
        addValue(state, anchor.value, anchor.tag);
        break;
      }
      case EVENT_ID.POP: {
        const frame = state.frames.pop();
        if (frame.kind === "mapping" && frame.hasKey) {
          state.position = frame.keyPosition;
          throwError$1(state, "incomplete mapping pair in event stream");
        }
        if (frame.kind === "document") state.documents.push(frame.value);
        else {
          const value = frame.tag.carrierIsResult ? frame.value : finalizeCollection(state, frame.position, frame.tag, frame.value);
          if (frame.anchor) {
            frame.anchor.value = value;
            frame.anchor.isValueFinal = true;
          }
          addValue(state, value, frame.tag);
        }
        break;
      }
    }
  }
  return state.documents;
}
var NO_RANGE$1 = -1;
var HAS_OWN = Object.prototype.hasOwnProperty;
var CONTEXT_FLOW_IN = 1;
var CONTEXT_FLOW_OUT = 2;
var CONTEXT_BLOCK_IN = 3;
var CONTEXT_BLOCK_OUT = 4;
var PATTERN_NON_PRINTABLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]/;
var PATTERN_FLOW_INDICATORS = /[,\[\]{}]/;
var PATTERN_TAG_HANDLE = /^(?:!|!!|![0-9A-Za-z-]+!)$/;
var NS_URI_CHAR = String.raw`(?:%[0-9A-Fa-f]{2}|[0-9A-Za-z\-#;/?:@&=+$,_.!~*'()\[\]])`;
var NS_TAG_CHAR = String.raw`(?:%[0-9A-Fa-f]{2}|[0-9A-Za-z\-#;/?:@&=+$.~*'()_])`;
var PATTERN_TAG_URI = new RegExp(`^(?:${NS_URI_CHAR})*$`);
var PATTERN_TAG_SUFFIX = new RegExp(`^(?:${NS_TAG_CHAR})+$`);
var PATTERN_TAG_PREFIX = new RegExp(`^(?:!(?:${NS_URI_CHAR})*|${NS_TAG_CHAR}(?:${NS_URI_CHAR})*)$`);
var DEFAULT_PARSER_OPTIONS = {
  filename: "",
  maxDepth: 100
};
function addDocumentEvent(state, explicitStart, explicitEnd) {
  state.events.push({
    type: EVENT_ID.DOCUMENT,
    explicitStart,
    explicitEnd,
    directives: state.directives
  });
}
function addSequenceEvent(state, start, anchorStart, anchorEnd, tagStart, tagEnd, style) {
  state.events.push({
    type: EVENT_ID.SEQUENCE,
    start,
    anchorStart,
    anchorEnd,
    tagStart,
    tagEnd,
    style
  });
}
function addMappingEvent(state, start, anchorStart, anchorEnd, tagStart, tagEnd, style) {
  state.events.push({
    type: EVENT_ID.MAPPING,
    start,
    anchorStart,
    anchorEnd,
    tagStart,
    tagEnd,
    style
  });
}
function insertFlowPairMappingEvent(state, snapshot) {
  state.events.splice(snapshot.eventsLength, 0, {
    type: EVENT_ID.MAPPING,
    start: snapshot.position,
    anchorStart: NO_RANGE$1,
    anchorEnd: NO_RANGE$1,
    tagStart: NO_RANGE$1,
    tagEnd: NO_RANGE$1,
    style: COLLECTION_STYLE.FLOW
  });
}
function addScalarEvent(state, valueStart, valueEnd, anchorStart, anchorEnd, tagStart, tagEnd, style, chomping = CHOMPING_MODE.CLIP, indent2 = -1, fast = false) {
  state.events.push({
    type: EVENT_ID.SCALAR,
    valueStart,
    valueEnd,
    anchorStart,
    anchorEnd,
    tagStart,
    tagEnd,
    style,
    chomping,
    indent: indent2,
    fast
  });
}
function addAliasEvent(state, anchorStart, anchorEnd) {
  state.events.push({
    type: EVENT_ID.ALIAS,
    anchorStart,
    anchorEnd
  });
}
function addPopEvent(state) {
  state.events.push({ type: EVENT_ID.POP });
}
function addEmptyScalarEvent(state) {
  addScalarEvent(state, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, NO_RANGE$1, SCALAR_STYLE.PLAIN);
}
function emptyProperties() {
  return {
    anchorStart: NO_RANGE$1,
    anchorEnd: NO_RANGE$1,
    tagStart: NO_RANGE$1,
    tagEnd: NO_RANGE$1
  };
}
function snapshotState(state) {
  return {
    position: state.position,
    line: state.line,
    lineStart: state.lineStart,
    lineIndent: state.lineIndent,
    firstTabInLine: state.firstTabInLine,
    eventsLength: state.events.length
  };
}
function restoreState(state, snapshot) {
  state.position = snapshot.position;
  state.line = snapshot.line;
  state.lineStart = snapshot.lineStart;
  state.lineIndent = snapshot.lineIndent;
  state.firstTabInLine = snapshot.firstTabInLine;
  state.events.length = snapshot.eventsLength;
}
function throwError(state, message) {
  YAMLException.throwAt(state.input.slice(0, state.length), state.position, message, state.filename);
}
function isEol(c) {
  return c === 10 || c === 13;
}
function isWhiteSpace(c) {
  return c === 9 || c === 32;
}
function isWsOrEol(c) {
  return isWhiteSpace(c) || isEol(c);
}
function isWsOrEolOrEnd(c) {
  return c === 0 || isWsOrEol(c);
}
function isFlowIndicator(c) {
  return c === 44 || c === 91 || c === 93 || c === 123 || c === 125;
}
function fromDecimalCode(c) {
  return c >= 48 && c <= 57 ? c - 48 : -1;
}
function fromHexCode(c) {
  if (c >= 48 && c <= 57) return c - 48;
  const lc = c | 32;
  if (lc >= 97 && lc <= 102) return lc - 97 + 10;
  return -1;
}
function escapedHexLen(c) {
  if (c === 120) return 2;
  if (c === 117) return 4;
  if (c === 85) return 8;
  return 0;
}
function isSimpleEscape(c) {
  return c === 48 || c === 97 || c === 98 || c === 116 || c === 9 || c === 110 || c === 118 || c === 102 || c === 114 || c === 101 || c === 32 || c === 34 || c === 47 || c === 92 || c === 78 || c === 95 || c === 76 || c === 80;
}
function consumeLineBreak(state) {
  if (state.input.charCodeAt(state.position) === 10) state.position++;
  else {
    state.position++;
    if (state.input.charCodeAt(state.position) === 10) state.position++;
  }
  state.line++;
  state.lineStart = state.position;
  state.lineIndent = 0;
  state.firstTabInLine = -1;
}
function skipSeparationSpace(state, allowComments) {
  let lineBreaks = 0;
  let ch = state.input.charCodeAt(state.position);
  let hasSeparation = state.position === state.lineStart || isWsOrEol(state.input.charCodeAt(state.position - 1));
  while (ch !== 0) {
    while (isWhiteSpace(ch)) {
      hasSeparation = true;
      if (ch === 9 && state.firstTabInLine === -1) state.firstTabInLine = state.position;
      ch = state.input.charCodeAt(++state.position);
    }
    if (allowComments && hasSeparation && ch === 35) do
      ch = state.input.charCodeAt(++state.position);
    while (!isEol(ch) && ch !== 0);
    if (!isEol(ch)) break;
    consumeLineBreak(state);
    lineBreaks++;
    hasSeparation = true;
    ch = state.input.charCodeAt(state.position);
    while (ch === 32) {
      state.lineIndent++;
      ch = state.input.charCodeAt(++state.position);
    }
  }
  return lineBreaks;
}
function testDocumentSeparator(state, position = state.position) {
  const ch = state.input.charCodeAt(position);
  if ((ch === 45 || ch === 46) && ch === state.input.charCodeAt(position + 1) && ch === state.input.charCodeAt(position + 2)) {
    const following = state.input.charCodeAt(position + 3);
    return following === 0 || isWsOrEol(following);
  }
  return false;
}
function skipByteOrderMark(state) {
  if (state.position === state.lineStart && state.input.charCodeAt(state.position) === 65279) {
    state.position++;
    state.lineStart = state.position;
  }
}
function testDocumentBoundary(state) {
  if (state.position !== state.lineStart) return false;
  if (testDocumentSeparator(state)) return true;
  if (state.input.charCodeAt(state.position) !== 65279) return false;
  const snapshot = snapshotState(state);
  skipByteOrderMark(state);
  skipSeparationSpace(state, true);
  const ch = state.input.charCodeAt(state.position);
  const result = state.position === state.lineStart && (ch === 37 || ch === 45 && testDocumentSeparator(state));
  restoreState(state, snapshot);
  return result;
}
function skipUntilLineEnd(state) {
  let ch = state.input.charCodeAt(state.position);
  while (ch !== 0 && !isEol(ch)) ch = state.input.charCodeAt(++state.position);
}
function checkPrintable(state, start, end) {
  const match2 = PATTERN_NON_PRINTABLE.exec(state.input.slice(start, end));
  if (match2 !== null) {
    state.position = start + match2.index + match2[0].length - 1;
    throwError(state, "the stream contains non-printable characters");
  }
}
function readTagProperty(state, props, inFlow) {
  if (state.input.charCodeAt(state.position) !== 33) return false;
  if (props.tagStart !== NO_RANGE$1) throwError(state, "duplication of a tag property");
  const start = state.position;
  let isVerbatim = false;
  let isNamed = false;
  let tagHandle = "!";
  let ch = state.input.charCodeAt(++state.position);
  if (ch === 60) {
    isVerbatim = true;
    ch = state.input.charCodeAt(++state.position);
  } else if (ch === 33) {
    isNamed = true;
    tagHandle = "!!";
    ch = state.input.charCodeAt(++state.position);
  }
  let suffixStart = state.position;
  let tagName;
  if (isVerbatim) {
    while (ch !== 0 && ch !== 62) ch = state.input.charCodeAt(++state.position);
    if (ch !== 62) throwError(state, "unexpected end of the stream within a verbatim tag");
    tagName = state.input.slice(suffixStart, state.position);
    state.position++;
  } else {
    while (ch !== 0 && !isWsOrEol(ch) && !(inFlow && isFlowIndicator(ch))) {
      if (ch === 33) {
        if (!isNamed) {
          tagHandle = state.input.slice(suffixStart - 1, state.position + 1);
          if (!PATTERN_TAG_HANDLE.test(tagHandle)) throwError(state, "named tag handle cannot contain such characters");
          isNamed = true;
          suffixStart = state.position + 1;
        } else throwError(state, "tag suffix cannot contain exclamation marks");
      }
      ch = state.input.charCodeAt(++state.position);
    }
    tagName = state.input.slice(suffixStart, state.position);
    if (PATTERN_FLOW_INDICATORS.test(tagName)) throwError(state, "tag suffix cannot contain flow indicator characters");
  }
  if (tagName && !(isVerbatim ? PATTERN_TAG_URI.test(tagName) : PATTERN_TAG_SUFFIX.test(tagName))) throwError(state, `tag name cannot contain such characters: ${tagName}`);
  if (!isVerbatim && tagHandle !== "!" && tagHandle !== "!!" && !HAS_OWN.call(state.tagHandlers, tagHandle)) throwError(state, `undeclared tag handle "${tagHandle}"`);
  props.tagStart = start;
  props.tagEnd = state.position;
  return true;
}
function readAnchorProperty(state, props) {
  if (state.input.charCodeAt(state.position) !== 38) return false;
  if (props.anchorStart !== NO_RANGE$1) throwError(state, "duplication of an anchor property");
  state.position++;
  const start = state.position;
  while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position)) && !isFlowIndicator(state.input.charCodeAt(state.position))) state.position++;
  if (state.position === start) throwError(state, "name of an anchor node must contain at least one character");
  props.anchorStart = start;
  props.anchorEnd = state.position;
  return true;
}
function readAlias(state, props) {
  if (state.input.charCodeAt(state.position) !== 42) return false;
  if (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1) throwError(state, "alias node should not have any properties");
  state.position++;
  const start = state.position;
  while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position)) && !isFlowIndicator(state.input.charCodeAt(state.position))) state.position++;
  if (state.position === start) throwError(state, "name of an alias node must contain at least one character");
  addAliasEvent(state, start, state.position);
  return true;
}
function readFlowScalarBreak(state, nodeIndent) {
  skipSeparationSpace(state, false);
  if (state.lineIndent < nodeIndent) throwError(state, "deficient indentation");
}
function readSingleQuotedScalar(state, nodeIndent, props) {
  if (state.input.charCodeAt(state.position) !== 39) return false;
  state.position++;
  const start = state.position;
  let simple = true;
  while (state.input.charCodeAt(state.position) !== 0) {
    const ch = state.input.charCodeAt(state.position);
    if (ch === 39) {
      if (state.input.charCodeAt(state.position + 1) === 39) {
        simple = false;
        state.position += 2;
        continue;
      }
      const end = state.position;
      state.position++;
      addScalarEvent(state, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.SINGLE_QUOTED, CHOMPING_MODE.CLIP, -1, simple);
      return true;
    }
    if (isEol(ch)) {
      simple = false;
      readFlowScalarBreak(state, nodeIndent);
    } else if (state.position === state.lineStart && testDocumentSeparator(state)) throwError(state, "unexpected end of the document within a single quoted scalar");
    else if (ch !== 9 && ch < 32) throwError(state, "expected valid JSON character");
    else state.position++;
  }
  throwError(state, "unexpected end of the stream within a single quoted scalar");
}
function readDoubleQuotedScalar(state, nodeIndent, props) {
  if (state.input.charCodeAt(state.position) !== 34) return false;
  state.position++;
  const start = state.position;
  let simple = true;
  while (state.input.charCodeAt(state.position) !== 0) {
    const ch = state.input.charCodeAt(state.position);
    if (ch === 34) {
      const end = state.position;
      state.position++;
      addScalarEvent(state, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.DOUBLE_QUOTED, CHOMPING_MODE.CLIP, -1, simple);
      return true;
    }
    if (ch === 92) {
      simple = false;
      const escaped = state.input.charCodeAt(++state.position);
      if (isEol(escaped)) readFlowScalarBreak(state, nodeIndent);
      else if (isSimpleEscape(escaped)) state.position++;
      else {
        let hexLength = escapedHexLen(escaped);
        if (hexLength === 0) throwError(state, "unknown escape sequence");
        while (hexLength-- > 0) {
          state.position++;
          if (fromHexCode(state.input.charCodeAt(state.position)) < 0) throwError(state, "expected hexadecimal character");
        }
        state.position++;
      }
    } else if (isEol(ch)) {
      simple = false;
      readFlowScalarBreak(state, nodeIndent);
    } else if (state.position === state.lineStart && testDocumentSeparator(state)) throwError(state, "unexpected end of the document within a double quoted scalar");
    else if (ch !== 9 && ch < 32) throwError(state, "expected valid JSON character");
    else state.position++;
  }
  throwError(state, "unexpected end of the stream within a double quoted scalar");
}
function readBlockScalar(state, parentIndent, props) {
  const ch = state.input.charCodeAt(state.position);
  let chomping = CHOMPING_MODE.CLIP;
  let indent2 = -1;
  let detectedIndent = false;
  if (ch !== 124 && ch !== 62) return false;
  const style = ch === 124 ? SCALAR_STYLE.LITERAL_BLOCK : SCALAR_STYLE.FOLDED_BLOCK;
  state.position++;
  while (state.input.charCodeAt(state.position) !== 0) {
    const current = state.input.charCodeAt(state.position);
    const digit2 = fromDecimalCode(current);
    if (current === 43 || current === 45) {
      if (chomping !== CHOMPING_MODE.CLIP) throwError(state, "repeat of a chomping mode identifier");
      chomping = current === 43 ? CHOMPING_MODE.KEEP : CHOMPING_MODE.STRIP;
      state.position++;
    } else if (digit2 >= 0) {
      if (digit2 === 0) throwError(state, "bad explicit indentation width of a block scalar; it cannot be less than one");
      if (detectedIndent) throwError(state, "repeat of an indentation width identifier");
      indent2 = parentIndent + digit2 - 1;
      detectedIndent = true;
      state.position++;
    } else break;
  }
  let hadWhitespace = false;
  while (isWhiteSpace(state.input.charCodeAt(state.position))) {
    hadWhitespace = true;
    state.position++;
  }
  if (hadWhitespace && state.input.charCodeAt(state.position) === 35) skipUntilLineEnd(state);
  if (isEol(state.input.charCodeAt(state.position))) consumeLineBreak(state);
  else if (state.input.charCodeAt(state.position) !== 0) throwError(state, "a line break is expected");
  let contentIndent = detectedIndent ? indent2 : -1;
  let maxLeadingIndent = 0;
  const valueStart = state.position;
  let valueEnd = state.position;
  while (state.input.charCodeAt(state.position) !== 0) {
    const linePosition = state.position;
    let column = 0;
    while (state.input.charCodeAt(linePosition + column) === 32) column++;
    const first = state.input.charCodeAt(linePosition + column);
    if (first === 0) {
      if (contentIndent >= 0) {
        if (column > contentIndent) valueEnd = linePosition + column;
      } else if (column > 0) valueEnd = linePosition + column;
      break;
    }
    if (testDocumentBoundary(state)) break;
    if (!detectedIndent && contentIndent === -1 && isEol(first)) maxLeadingIndent = Math.max(maxLeadingIndent, column);
    if (!detectedIndent && contentIndent === -1 && !isEol(first)) {
      if (first === 9 && column < parentIndent) {
        state.position = linePosition + column;
        throwError(state, "tab characters must not be used in indentation");
      }
      if (column >= parentIndent && column < maxLeadingIndent) {
        state.position = linePosition + column;
        throwError(state, "bad indentation of a mapping entry");
      }
    }
    if (contentIndent === -1 && first !== 0 && !isEol(first) && column < parentIndent) {
      state.lineIndent = column;
      state.position = linePosition + column;
      break;
    }
    if (!detectedIndent && first !== 0 && !isEol(first) && contentIndent === -1) contentIndent = column;
    const requiredIndent = contentIndent === -1 ? parentIndent + 1 : contentIndent;
    if (first !== 0 && !isEol(first) && column < requiredIndent) {
      state.lineIndent = column;
      state.position = linePosition + column;
      break;
    }
    skipUntilLineEnd(state);
    valueEnd = state.position;
    if (isEol(state.input.charCodeAt(state.position))) {
      consumeLineBreak(state);
      valueEnd = state.position;
    }
  }
  checkPrintable(state, valueStart, valueEnd);
  addScalarEvent(state, valueStart, valueEnd, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, style, chomping, contentIndent);
  return true;
}
function canStartPlainScalar(state, nodeContext) {
  const ch = state.input.charCodeAt(state.position);
  const inFlow = nodeContext === CONTEXT_FLOW_IN;
  if (ch === 0 || isWsOrEol(ch) || ch === 35 || ch === 38 || ch === 42 || ch === 33 || ch === 124 || ch === 62 || ch === 39 || ch === 34 || ch === 37 || ch === 64 || ch === 96 || isFlowIndicator(ch)) return false;
  if (ch === 63 || ch === 45) {
    const following = state.input.charCodeAt(state.position + 1);
    if (isWsOrEolOrEnd(following) || inFlow && isFlowIndicator(following)) return false;
  }
  return true;
}
function readPlainScalar(state, nodeIndent, nodeContext, props) {
  if (!canStartPlainScalar(state, nodeContext)) return false;
  const start = state.position;
  let end = state.position;
  let ch = state.input.charCodeAt(state.position);
  const inFlow = nodeContext === CONTEXT_FLOW_IN;
  let multiline = false;
  while (ch !== 0) {
    if (testDocumentBoundary(state)) break;
    if (ch === 58) {
      const following = state.input.charCodeAt(state.position + 1);
      if (isWsOrEolOrEnd(following) || inFlow && isFlowIndicator(following)) break;
    } else if (ch === 35) {
      if (isWsOrEol(state.input.charCodeAt(state.position - 1))) break;
    } else if (inFlow && isFlowIndicator(ch)) break;
    else if (isEol(ch)) {
      const savedPosition = state.position;
      const savedLine = state.line;
      const savedLineStart = state.lineStart;
      const savedLineIndent = state.lineIndent;
      skipSeparationSpace(state, false);
      if (state.lineIndent >= nodeIndent) {
        multiline = true;
        ch = state.input.charCodeAt(state.position);
        continue;
      }
      state.position = savedPosition;
      state.line = savedLine;
      state.lineStart = savedLineStart;
      state.lineIndent = savedLineIndent;
      break;
    }
    if (!isWhiteSpace(ch)) end = state.position + 1;
    ch = state.input.charCodeAt(++state.position);
  }
  if (end === start) return false;
  checkPrintable(state, start, end);
  addScalarEvent(state, start, end, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.PLAIN, CHOMPING_MODE.CLIP, -1, !multiline);
  return true;
}
function skipFlowSeparationSpace(state, nodeIndent) {
  const startLine = state.line;
  skipSeparationSpace(state, true);
  if (state.line > startLine && state.lineIndent < nodeIndent || state.firstTabInLine !== -1 && state.lineIndent < nodeIndent) throwError(state, "deficient indentation");
}
function readFlowCollection(state, nodeIndent, props) {
  const ch = state.input.charCodeAt(state.position);
  const isMapping = ch === 123;
  const start = state.position;
  let readNext = true;
  if (ch !== 91 && ch !== 123) return false;
  const terminator = isMapping ? 125 : 93;
  if (isMapping) addMappingEvent(state, start, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.FLOW);
  else addSequenceEvent(state, start, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.FLOW);
  state.position++;
  while (state.input.charCodeAt(state.position) !== 0) {
    skipFlowSeparationSpace(state, nodeIndent);
    let ch2 = state.input.charCodeAt(state.position);
    if (ch2 === terminator) {
      state.position++;
      addPopEvent(state);
      return true;
    } else if (!readNext) throwError(state, "missed comma between flow collection entries");
    else if (ch2 === 44) throwError(state, "expected the node content, but found ','");
    let isPair = false;
    let isExplicitPair = false;
    if (ch2 === 63 && isWsOrEol(state.input.charCodeAt(state.position + 1))) {
      isPair = isExplicitPair = true;
      state.position += 1;
      skipFlowSeparationSpace(state, nodeIndent);
    }
    const entryLine = state.line;
    const entryStart = snapshotState(state);
    const keyWasRead = parseNode(state, nodeIndent, CONTEXT_FLOW_IN, false, true);
    skipFlowSeparationSpace(state, nodeIndent);
    ch2 = state.input.charCodeAt(state.position);
    if ((isMapping || isExplicitPair || state.line === entryLine) && ch2 === 58) {
      isPair = true;
      state.position++;
      skipFlowSeparationSpace(state, nodeIndent);
      if (!isMapping) {
        insertFlowPairMappingEvent(state, entryStart);
        if (!keyWasRead) addEmptyScalarEvent(state);
      } else if (!keyWasRead) addEmptyScalarEvent(state);
      if (!parseNode(state, nodeIndent, CONTEXT_FLOW_IN, false, true)) addEmptyScalarEvent(state);
      skipFlowSeparationSpace(state, nodeIndent);
      if (!isMapping) addPopEvent(state);
    } else if (isMapping && isPair) {
      if (!keyWasRead) addEmptyScalarEvent(state);
      addEmptyScalarEvent(state);
    } else if (isMapping) addEmptyScalarEvent(state);
    else if (isPair) {
      insertFlowPairMappingEvent(state, entryStart);
      if (!keyWasRead) addEmptyScalarEvent(state);
      addEmptyScalarEvent(state);
      addPopEvent(state);
    }
    ch2 = state.input.charCodeAt(state.position);
    if (ch2 === 44) {
      readNext = true;
      state.position++;
    } else readNext = false;
  }
  throwError(state, "unexpected end of the stream within a flow collection");
}
function readBlockSequence(state, nodeIndent, props) {
  if (state.firstTabInLine !== -1 || state.input.charCodeAt(state.position) !== 45 || !isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) return false;
  addSequenceEvent(state, state.position, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.BLOCK);
  while (state.input.charCodeAt(state.position) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) {
    if (state.firstTabInLine !== -1) {
      state.position = state.firstTabInLine;
      throwError(state, "tab characters must not be used in indentation");
    }
    const entryLine = state.line;
    state.position++;
    const hadBreak = skipSeparationSpace(state, true) > 0;
    if (state.firstTabInLine !== -1 && state.input.charCodeAt(state.position) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) throwError(state, "bad indentation of a sequence entry");
    if (hadBreak && state.lineIndent <= nodeIndent) addEmptyScalarEvent(state);
    else parseNode(state, nodeIndent, CONTEXT_BLOCK_IN, false, true);
    skipSeparationSpace(state, true);
    if (state.lineIndent < nodeIndent || state.position >= state.length) break;
    if (state.lineIndent > nodeIndent) throwError(state, "bad indentation of a sequence entry");
    if (state.line === entryLine && state.input.charCodeAt(state.position) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 1))) throwError(state, "bad indentation of a sequence entry");
  }
  addPopEvent(state);
  return true;
}
function readBlockMapping(state, nodeIndent, flowIndent, props) {
  let atExplicitKey = false;
  let detected = false;
  let mappingOpened = false;
  let pendingExplicitKey = false;
  if (state.firstTabInLine !== -1) return false;
  let ch = state.input.charCodeAt(state.position);
  while (ch !== 0) {
    if (!atExplicitKey && state.firstTabInLine !== -1) {
      state.position = state.firstTabInLine;
      throwError(state, "tab characters must not be used in indentation");
    }
    const following = state.input.charCodeAt(state.position + 1);
    const entryLine = state.line;
    if ((ch === 63 || ch === 58) && isWsOrEolOrEnd(following)) {
      if (!mappingOpened) {
        addMappingEvent(state, state.position, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, COLLECTION_STYLE.BLOCK);
        mappingOpened = true;
      }
      if (ch === 63) {
        if (atExplicitKey) addEmptyScalarEvent(state);
        detected = true;
        atExplicitKey = true;
      } else if (atExplicitKey) atExplicitKey = false;
      else {
        addEmptyScalarEvent(state);
        detected = true;
        atExplicitKey = false;
      }
      state.position += 1;
      pendingExplicitKey = true;
    } else {
      if (atExplicitKey) {
        addEmptyScalarEvent(state);
        atExplicitKey = false;
      }
      const beforeKey = snapshotState(state);
      if (!parseNode(state, flowIndent, CONTEXT_FLOW_OUT, false, true)) break;
      if (state.line === entryLine) {
        ch = state.input.charCodeAt(state.position);
        while (isWhiteSpace(ch)) ch = state.input.charCodeAt(++state.position);
        if (ch === 58) {
          ch = state.input.charCodeAt(++state.position);
          if (!isWsOrEolOrEnd(ch)) throwError(state, "a whitespace character is expected after the key-value separator within a block mapping");
          if (!mappingOpened) {
            state.events.splice(beforeKey.eventsLength, 0, {
              type: EVENT_ID.MAPPING,
              start: beforeKey.position,
              anchorStart: props.anchorStart,
              anchorEnd: props.anchorEnd,
              tagStart: props.tagStart,
              tagEnd: props.tagEnd,
              style: COLLECTION_STYLE.BLOCK
            });
            mappingOpened = true;
          }
          detected = true;
          atExplicitKey = false;
          pendingExplicitKey = false;
        } else if (detected) throwError(state, "expected ':' after a mapping key");
        else {
          if (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1) {
            restoreState(state, beforeKey);
            return false;
          }
          return true;
        }
      } else if (detected) throwError(state, "can not read a block mapping entry; a multiline key may not be an implicit key");
      else {
        if (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1) {
          restoreState(state, beforeKey);
          return false;
        }
        return true;
      }
    }
    if (parseNode(state, nodeIndent, CONTEXT_BLOCK_OUT, true, pendingExplicitKey)) pendingExplicitKey = false;
    if (!atExplicitKey) {
      if (pendingExplicitKey) {
        addEmptyScalarEvent(state);
        pendingExplicitKey = false;
      }
    }
    skipSeparationSpace(state, true);
    ch = state.input.charCodeAt(state.position);
    if ((state.line === entryLine || state.lineIndent > nodeIndent) && ch !== 0) throwError(state, "bad indentation of a mapping entry");
    else if (state.lineIndent < nodeIndent) break;
  }
  if (!detected) return false;
  if (atExplicitKey) addEmptyScalarEvent(state);
  if (mappingOpened) addPopEvent(state);
  return true;
}
function parseNode(state, parentIndent, nodeContext, allowToSeek, allowCompact, allowPropertyMapping = true) {
  if (state.depth >= state.maxDepth) throwError(state, `nesting exceeded maxDepth (${state.maxDepth})`);
  state.depth++;
  let indentStatus = 1;
  let atNewLine = false;
  let hasContent = false;
  let propertyStart = null;
  const props = emptyProperties();
  let allowBlockScalars = nodeContext === CONTEXT_BLOCK_OUT || nodeContext === CONTEXT_BLOCK_IN;
  let allowBlockCollections = allowBlockScalars;
  const allowBlockStyles = allowBlockScalars;
  if (allowToSeek && skipSeparationSpace(state, true)) {
    atNewLine = true;
    if (state.lineIndent > parentIndent) indentStatus = 1;
    else if (state.lineIndent === parentIndent) indentStatus = 0;
    else indentStatus = -1;
  }
  if (indentStatus === 1) while (true) {
    const ch = state.input.charCodeAt(state.position);
    const propertyState = snapshotState(state);
    if (atNewLine && indentStatus !== 1 && (ch === 33 || ch === 38)) break;
    if (atNewLine && allowBlockStyles && (props.tagStart !== NO_RANGE$1 || props.anchorStart !== NO_RANGE$1) && (ch === 33 || ch === 38)) {
      const fallbackState = snapshotState(state);
      const flowIndent = parentIndent + 1;
      if (readBlockMapping(state, state.position - state.lineStart, flowIndent, props) && state.events[fallbackState.eventsLength]?.type === EVENT_ID.MAPPING) {
        state.depth--;
        return true;
      }
      restoreState(state, fallbackState);
    }
    if (atNewLine && (ch === 33 && props.tagStart !== NO_RANGE$1 || ch === 38 && props.anchorStart !== NO_RANGE$1)) break;
    if (!readTagProperty(state, props, nodeContext === CONTEXT_FLOW_IN) && !readAnchorProperty(state, props)) break;
    if (propertyStart === null) propertyStart = propertyState;
    if (skipSeparationSpace(state, true)) {
      atNewLine = true;
      allowBlockCollections = allowBlockStyles;
      if (state.lineIndent > parentIndent) indentStatus = 1;
      else if (state.lineIndent === parentIndent) indentStatus = 0;
      else indentStatus = -1;
    } else allowBlockCollections = false;
  }
  if (allowBlockCollections) allowBlockCollections = atNewLine || allowCompact;
  if (indentStatus === 1 || nodeContext === CONTEXT_BLOCK_OUT) {
    const flowIndent = nodeContext === CONTEXT_FLOW_IN || nodeContext === CONTEXT_FLOW_OUT ? parentIndent : parentIndent + 1;
    const blockIndent = state.position - state.lineStart;
    if (indentStatus === 1) {
      if (allowBlockCollections && (readBlockSequence(state, blockIndent, props) || readBlockMapping(state, blockIndent, flowIndent, props)) || readFlowCollection(state, flowIndent, props)) hasContent = true;
      else {
        const ch = state.input.charCodeAt(state.position);
        if (propertyStart !== null && allowPropertyMapping && allowBlockStyles && !allowBlockCollections && ch !== 124 && ch !== 62) {
          const fallbackState = snapshotState(state);
          const propertyIndent = propertyStart.position - propertyStart.lineStart;
          restoreState(state, propertyStart);
          if (readBlockMapping(state, propertyIndent, flowIndent, emptyProperties()) && state.events[fallbackState.eventsLength]?.type === EVENT_ID.MAPPING) hasContent = true;
          else restoreState(state, fallbackState);
        }
        if (!hasContent && (allowBlockScalars && readBlockScalar(state, flowIndent, props) || readSingleQuotedScalar(state, flowIndent, props) || readDoubleQuotedScalar(state, flowIndent, props) || readAlias(state, props) || readPlainScalar(state, flowIndent, nodeContext, props))) hasContent = true;
      }
    } else if (indentStatus === 0) hasContent = allowBlockCollections && readBlockSequence(state, blockIndent, props);
  }
  allowBlockScalars = allowBlockScalars && !hasContent;
  if (!hasContent && (props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1 || allowBlockScalars)) {
    addScalarEvent(state, NO_RANGE$1, NO_RANGE$1, props.anchorStart, props.anchorEnd, props.tagStart, props.tagEnd, SCALAR_STYLE.PLAIN);
    hasContent = true;
  }
  state.depth--;
  return hasContent || props.anchorStart !== NO_RANGE$1 || props.tagStart !== NO_RANGE$1;
}
function readDirective(state) {
  if (state.lineIndent > 0 || state.input.charCodeAt(state.position) !== 37) return false;
  state.position++;
  const nameStart = state.position;
  while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position))) state.position++;
  const name = state.input.slice(nameStart, state.position);
  const args = [];
  if (name.length === 0) throwError(state, "directive name must not be less than one character in length");
  while (state.input.charCodeAt(state.position) !== 0 && !isEol(state.input.charCodeAt(state.position))) {
    while (isWhiteSpace(state.input.charCodeAt(state.position))) state.position++;
    if (state.input.charCodeAt(state.position) === 35 || isEol(state.input.charCodeAt(state.position)) || state.input.charCodeAt(state.position) === 0) break;
    const start = state.position;
    while (state.input.charCodeAt(state.position) !== 0 && !isWsOrEol(state.input.charCodeAt(state.position))) state.position++;
    args.push(state.input.slice(start, state.position));
  }
  if (isEol(state.input.charCodeAt(state.position))) consumeLineBreak(state);
  if (name === "YAML") {
    if (state.directives.some((directive) => directive.kind === "yaml")) throwError(state, "duplication of %YAML directive");
    if (args.length !== 1) throwError(state, "YAML directive accepts exactly one argument");
    const match2 = /^([0-9]+)\.([0-9]+)$/.exec(args[0]);
    if (match2 === null) throwError(state, "ill-formed argument of the YAML directive");
    if (parseInt(match2[1], 10) !== 1) throwError(state, "unacceptable YAML version of the document");
    state.directives.push({
      kind: "yaml",
      version: args[0]
    });
  } else if (name === "TAG") {
    if (args.length !== 2) throwError(state, "TAG directive accepts exactly two arguments");
    const [handle, prefix2] = args;
    if (!PATTERN_TAG_HANDLE.test(handle)) throwError(state, "ill-formed tag handle (first argument) of the TAG directive");
    if (HAS_OWN.call(state.tagHandlers, handle)) throwError(state, `there is a previously declared suffix for "${handle}" tag handle`);
    if (!PATTERN_TAG_PREFIX.test(prefix2)) throwError(state, "ill-formed tag prefix (second argument) of the TAG directive");
    state.tagHandlers[handle] = prefix2;
    state.directives.push({
      kind: "tag",
      handle,
      prefix: prefix2
    });
  }
  return true;
}
function readDocument(state) {
  state.directives = [];
  state.tagHandlers = /* @__PURE__ */ Object.create(null);
  let hasDirectives = false;
  skipSeparationSpace(state, true);
  while (readDirective(state)) {
    hasDirectives = true;
    skipSeparationSpace(state, true);
  }
  let explicitStart = false;
  let explicitEnd = false;
  let allowCompact = true;
  if (state.lineIndent === 0 && state.input.charCodeAt(state.position) === 45 && state.input.charCodeAt(state.position + 1) === 45 && state.input.charCodeAt(state.position + 2) === 45 && isWsOrEolOrEnd(state.input.charCodeAt(state.position + 3))) {
    explicitStart = true;
    const markerLine = state.line;
    state.position += 3;
    skipSeparationSpace(state, true);
    allowCompact = state.line > markerLine;
  } else if (hasDirectives) throwError(state, "directives end mark is expected");
  const documentEventIndex = state.events.length;
  if (!explicitStart && state.position === state.lineStart && state.input.charCodeAt(state.position) === 46 && testDocumentSeparator(state)) {
    state.position += 3;
    skipSeparationSpace(state, true);
    return;
  }
  addDocumentEvent(state, explicitStart, false);
  if (!parseNode(state, state.lineIndent - 1, CONTEXT_BLOCK_OUT, false, allowCompact, allowCompact)) addEmptyScalarEvent(state);
  skipSeparationSpace(state, true);
  if (state.position === state.lineStart && testDocumentSeparator(state)) {
    explicitEnd = state.input.charCodeAt(state.position) === 46;
    if (explicitEnd) {
      const markerLine = state.line;
      state.position += 3;
      skipSeparationSpace(state, true);
      if (state.line === markerLine && state.position < state.length) throwError(state, "end of the stream or a document separator is expected");
    }
  }
  const documentEvent = state.events[documentEventIndex];
  if (documentEvent?.type === EVENT_ID.DOCUMENT) documentEvent.explicitEnd = explicitEnd;
  addPopEvent(state);
  if (!explicitEnd && state.position < state.length && !testDocumentBoundary(state)) throwError(state, "end of the stream or a document separator is expected");
}
function parseEvents(input, options) {
  const length = input.length;
  const state = {
    ...DEFAULT_PARSER_OPTIONS,
    ...options,
    input: `${input}\0`,
    length,
    position: 0,
    line: 0,
    lineStart: 0,
    lineIndent: 0,
    firstTabInLine: -1,
    depth: 0,
    directives: [],
    tagHandlers: /* @__PURE__ */ Object.create(null),
    events: []
  };
  const nullpos = input.indexOf("\0");
  if (nullpos !== -1) YAMLException.throwAt(input, nullpos, "null byte is not allowed in input", state.filename);
  while (state.position < state.length) {
    skipByteOrderMark(state);
    skipSeparationSpace(state, true);
    if (state.position >= state.length) break;
    const documentStart = state.position;
    readDocument(state);
    if (state.position === documentStart)
      throwError(state, "can not read a document");
  }
  return state.events;
}
var DEFAULT_LOAD_OPTIONS = {
  ...DEFAULT_PARSER_OPTIONS,
  ...DEFAULT_CONSTRUCTOR_OPTIONS
};
function loadDocuments(input, options = {}) {
  const opts = {
    ...DEFAULT_LOAD_OPTIONS,
    ...options
  };
  const source = String(input);
  const PARSER_OPT_KEYS = Object.keys(DEFAULT_PARSER_OPTIONS);
  const CONSTRUCTOR_OPT_KEYS = Object.keys(DEFAULT_CONSTRUCTOR_OPTIONS);
  return constructFromEvents(parseEvents(source, pick(opts, PARSER_OPT_KEYS)), {
    ...pick(opts, CONSTRUCTOR_OPT_KEYS),
    source
  });
}
function loadAll(input, iteratorOrOptions, options) {
  let iterator2 = null;
  if (typeof iteratorOrOptions === "function") iterator2 = iteratorOrOptions;
  else if (iteratorOrOptions !== null && typeof iteratorOrOptions === "object") options = iteratorOrOptions;
  const documents = loadDocuments(input, options);
  if (iterator2 === null) return documents;
  for (const document of documents) iterator2(document);
}
function hasBit(mask, bit) {
  return (mask & 1 << bit) !== 0;
}
var DEFAULT_SCALAR_STYLE_RULES = {
  applyQuoteFlowKeysOption,
  doubleQuoteForInvisibles,
  doubleQuoteWhitespaceOnly,
  applyForceQuotesOption,
  tryLongOrMultilineAsBlock,
  quoteInvalidPlain,
  fallbackToDoubleQuoted
};
function _preferredQuotedStyle(layout) {
  if (layout.presenterOptions.quoteStyle === "single" && hasBit(layout.allowedStylesMask, SCALAR_STYLE.SINGLE_QUOTED)) return SCALAR_STYLE.SINGLE_QUOTED;
  return SCALAR_STYLE.DOUBLE_QUOTED;
}
function applyQuoteFlowKeysOption(layout) {
  if (!layout.presenterOptions.quoteFlowKeys) return;
  if (!layout.isKey || !layout.flowOnly || layout.style !== SCALAR_STYLE.PLAIN) return;
  layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
function doubleQuoteForInvisibles(layout) {
  if (layout.style === SCALAR_STYLE.PLAIN && /[\t\x7F-\xA0\u2028\u2029\uFEFF\uFFFE\uFFFF]/.test(layout.node.value)) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
function doubleQuoteWhitespaceOnly(layout) {
  if (layout.style === SCALAR_STYLE.PLAIN && /^\s+$/.test(layout.node.value)) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
function applyForceQuotesOption(layout) {
  if (!layout.presenterOptions.forceQuotes) return;
  if (layout.isKey || layout.style !== SCALAR_STYLE.PLAIN) return;
  if (layout.node.tag !== layout.presenterOptions.schema.defaultScalarTag.tagName) return;
  layout.style = layout.node.value.includes("\n") ? SCALAR_STYLE.DOUBLE_QUOTED : _preferredQuotedStyle(layout);
}
function tryLongOrMultilineAsBlock(layout) {
  if (layout.style !== SCALAR_STYLE.PLAIN || layout.isKey) return;
  const value = layout.node.value;
  const multiline = value.indexOf("\n") !== -1;
  if (!hasBit(layout.allowedStylesMask, SCALAR_STYLE.LITERAL_BLOCK)) {
    if (multiline) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
    return;
  }
  const w = layout.presenterOptions.lineWidth;
  if (w === -1) {
    if (multiline) layout.style = SCALAR_STYLE.LITERAL_BLOCK;
    return;
  }
  const availableWidth = Math.max(Math.min(w, 40), w - layout.shiftOfContent);
  let position = 0;
  let shouldFold = false;
  while (position <= value.length) {
    let lineEnd = value.length;
    const nextLineBreak = value.indexOf("\n", position);
    if (nextLineBreak !== -1) lineEnd = nextLineBreak;
    const line = value.slice(position, lineEnd);
    if (line.length > availableWidth && line[0] !== " " && / [^ \t]/.test(line)) shouldFold = true;
    if (nextLineBreak === -1) break;
    position = nextLineBreak + 1;
  }
  if (shouldFold) layout.style = SCALAR_STYLE.FOLDED_BLOCK;
  else if (multiline) layout.style = SCALAR_STYLE.LITERAL_BLOCK;
}
function quoteInvalidPlain(layout) {
  if (layout.style === SCALAR_STYLE.PLAIN && !hasBit(layout.allowedStylesMask, SCALAR_STYLE.PLAIN)) layout.style = _preferredQuotedStyle(layout);
}
function fallbackToDoubleQuoted(layout) {
  if (!hasBit(layout.allowedStylesMask, layout.style)) layout.style = SCALAR_STYLE.DOUBLE_QUOTED;
}
var SRC_C_PRINTABLE = "[\\x09\\x0A\\x0D\\x20-\\x7E\\x85\\xA0-\\uD7FF\\uE000-\\uFFFD\\u{10000}-\\u{10FFFF}]";
var SRC_B_CHAR = "[\\n\\r]";
var SRC_C_BYTE_ORDER_MARK = "\\uFEFF";
var SRC_S_WHITE = "[ \\t]";
var SRC_NB_CHAR = `(?:(?!(?:${SRC_B_CHAR}|${SRC_C_BYTE_ORDER_MARK}))${SRC_C_PRINTABLE})`;
var SRC_NS_CHAR = `(?:(?!${SRC_S_WHITE})${SRC_NB_CHAR})`;
var SRC_NB_JSON = "[\\x09\\x20-\\uD7FF\\uE000-\\uFFFF\\u{10000}-\\u{10FFFF}]";
var SRC_C_INDICATOR = "[-?:,\\[\\]{}#&*!|>'\"%@`]";
var SRC_C_FLOW_INDICATOR = "[,\\[\\]{}]";
var SRC_NS_PLAIN_SAFE_FLOW_OUT = SRC_NS_CHAR;
var SRC_NS_PLAIN_SAFE_FLOW_IN = `(?:(?!${SRC_C_FLOW_INDICATOR})${SRC_NS_CHAR})`;
var SRC_NS_PLAIN_FIRST_FLOW_OUT = `(?:(?:(?!${SRC_C_INDICATOR})${SRC_NS_CHAR})|[?:-](?=${SRC_NS_PLAIN_SAFE_FLOW_OUT}))`;
var SRC_NS_PLAIN_FIRST_FLOW_IN = `(?:(?:(?!${SRC_C_INDICATOR})${SRC_NS_CHAR})|[?:-](?=${SRC_NS_PLAIN_SAFE_FLOW_IN}))`;
var SRC_NS_PLAIN_CHAR_FLOW_OUT = `(?:(?:(?![:#])${SRC_NS_PLAIN_SAFE_FLOW_OUT})|:(?=${SRC_NS_PLAIN_SAFE_FLOW_OUT}))#*`;
var SRC_NS_PLAIN_CHAR_FLOW_IN = `(?:(?:(?![:#])${SRC_NS_PLAIN_SAFE_FLOW_IN})|:(?=${SRC_NS_PLAIN_SAFE_FLOW_IN}))#*`;
var SRC_NB_NS_PLAIN_IN_LINE_FLOW_OUT = `(?:${SRC_S_WHITE}*${SRC_NS_PLAIN_CHAR_FLOW_OUT})*`;
var SRC_NB_NS_PLAIN_IN_LINE_FLOW_IN = `(?:${SRC_S_WHITE}*${SRC_NS_PLAIN_CHAR_FLOW_IN})*`;
var SRC_NS_PLAIN_ONE_LINE_FLOW_OUT = `${SRC_NS_PLAIN_FIRST_FLOW_OUT}#*${SRC_NB_NS_PLAIN_IN_LINE_FLOW_OUT}`;
var SRC_NS_PLAIN_ONE_LINE_FLOW_IN = `${SRC_NS_PLAIN_FIRST_FLOW_IN}#*${SRC_NB_NS_PLAIN_IN_LINE_FLOW_IN}`;
var SRC_NS_PLAIN_ONE_LINE_BLOCK_KEY = SRC_NS_PLAIN_ONE_LINE_FLOW_OUT;
var SRC_NS_PLAIN_ONE_LINE_FLOW_KEY = SRC_NS_PLAIN_ONE_LINE_FLOW_IN;
var SRC_S_NS_PLAIN_NEXT_LINE_FLOW_OUT = `\\n+${SRC_NS_PLAIN_CHAR_FLOW_OUT}${SRC_NB_NS_PLAIN_IN_LINE_FLOW_OUT}`;
var SRC_S_NS_PLAIN_NEXT_LINE_FLOW_IN = `\\n+${SRC_NS_PLAIN_CHAR_FLOW_IN}${SRC_NB_NS_PLAIN_IN_LINE_FLOW_IN}`;
var SRC_NS_PLAIN_MULTI_LINE_FLOW_OUT = `${SRC_NS_PLAIN_ONE_LINE_FLOW_OUT}(?:${SRC_S_NS_PLAIN_NEXT_LINE_FLOW_OUT})*`;
var SRC_NS_PLAIN_MULTI_LINE_FLOW_IN = `${SRC_NS_PLAIN_ONE_LINE_FLOW_IN}(?:${SRC_S_NS_PLAIN_NEXT_LINE_FLOW_IN})*`;
var NS_PLAIN_FLOW_OUT = new RegExp(`^(?:${SRC_NS_PLAIN_MULTI_LINE_FLOW_OUT})$`, "u");
var NS_PLAIN_FLOW_IN = new RegExp(`^(?:${SRC_NS_PLAIN_MULTI_LINE_FLOW_IN})$`, "u");
var NS_PLAIN_BLOCK_KEY = new RegExp(`^(?:${SRC_NS_PLAIN_ONE_LINE_BLOCK_KEY})$`, "u");
var NS_PLAIN_FLOW_KEY = new RegExp(`^(?:${SRC_NS_PLAIN_ONE_LINE_FLOW_KEY})$`, "u");
var NB_SINGLE_ONE_LINE = new RegExp(`^(?:${SRC_NB_JSON})*$`, "u");
var NB_SINGLE_MULTI_LINE = new RegExp(`^(?:${SRC_NB_JSON}|\\n)*$`, "u");
var BLOCK_SCALAR_CONTENT = new RegExp(`^(?:${SRC_NB_CHAR}|\\n)*$`, "u");
var DEFAULT_PRESENTER_OPTIONS = {
  indent: 2,
  seqNoIndent: false,
  seqInlineFirst: true,
  lineWidth: 80,
  flowBracketPadding: false,
  flowSkipCommaSpace: false,
  flowSkipColonSpace: false,
  quoteFlowKeys: false,
  quoteStyle: "single",
  forceQuotes: false,
  scalarStyleRules: Object.keys(DEFAULT_SCALAR_STYLE_RULES).map((name) => Reflect.get(DEFAULT_SCALAR_STYLE_RULES, name)),
  tagBeforeAnchor: false
};
var DEFAULT_DUMP_OPTIONS = {
  ...DEFAULT_PRESENTER_OPTIONS,
  schema: DUMP_SCHEMA,
  skipInvalid: false,
  noRefs: false,
  flowLevel: -1,
  sortKeys: false,
  transform: () => {
  }
};
var EVENT_DOCUMENT = EVENT_ID.DOCUMENT;
var EVENT_SEQUENCE = EVENT_ID.SEQUENCE;
var EVENT_MAPPING = EVENT_ID.MAPPING;
var EVENT_SCALAR = EVENT_ID.SCALAR;
var EVENT_ALIAS = EVENT_ID.ALIAS;
var EVENT_POP = EVENT_ID.POP;
var SCALAR_STYLE_PLAIN = SCALAR_STYLE.PLAIN;
var SCALAR_STYLE_SINGLE_QUOTED = SCALAR_STYLE.SINGLE_QUOTED;
var SCALAR_STYLE_DOUBLE_QUOTED = SCALAR_STYLE.DOUBLE_QUOTED;
var SCALAR_STYLE_LITERAL_BLOCK = SCALAR_STYLE.LITERAL_BLOCK;
var SCALAR_STYLE_FOLDED_BLOCK = SCALAR_STYLE.FOLDED_BLOCK;
var COLLECTION_STYLE_BLOCK = COLLECTION_STYLE.BLOCK;
var COLLECTION_STYLE_FLOW = COLLECTION_STYLE.FLOW;
var CHOMPING_CLIP = CHOMPING_MODE.CLIP;
var CHOMPING_STRIP = CHOMPING_MODE.STRIP;
var CHOMPING_KEEP = CHOMPING_MODE.KEEP;

// src/core/objects/kube-objects.ts
var REDACTED = "(redacted)";
function formatObjectKey(id) {
  return `${id.group}/${id.kind}/${id.namespace}/${id.name}`;
}
function isSecret(id) {
  return id.group === "" && id.kind === "Secret";
}
function formatObjectRef(id) {
  return id.namespace === "" ? `${id.kind}/${id.name}` : `${id.kind}/${id.namespace}/${id.name}`;
}
function getApiGroup(apiVersion) {
  const slash = apiVersion.indexOf("/");
  return slash === -1 ? "" : apiVersion.slice(0, slash);
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function getMetadata(body) {
  return isRecord(body.metadata) ? body.metadata : {};
}
function parseManifests(text, source) {
  let docs;
  try {
    docs = loadAll(text, null, { schema: CORE_SCHEMA });
  } catch (error) {
    if (error instanceof YAMLException) {
      const line = error.mark ? error.mark.line + 1 : void 0;
      throw new ManifestError(`${source}${line ? `:${line}` : ""}: malformed YAML: ${error.reason}`);
    }
    throw error;
  }
  const objects = [];
  for (const value of docs) {
    if (value === null || value === void 0) continue;
    if (!isRecord(value)) throw new ManifestError(`${source}: a YAML document is not a Kubernetes object`);
    if (value.kind === "List" && Array.isArray(value.items)) {
      for (const item of value.items) if (isRecord(item)) objects.push(item);
    } else {
      objects.push(value);
    }
  }
  for (const object of objects) checkObjectShape(object, source);
  return objects;
}
function checkObjectShape(object, source) {
  const name = getMetadata(object).name;
  if (typeof object.apiVersion !== "string" || typeof object.kind !== "string" || typeof name !== "string") {
    const what = typeof object.kind === "string" ? `a ${object.kind}` : "an object";
    throw new ManifestError(`${source}: ${what} lacks apiVersion, kind or metadata.name`);
  }
}
function describeYamlError(message) {
  return (message.split("\n")[0] ?? message).replace(/ at line \d+, column \d+:?$/, "");
}
var SECRET_DIGEST_KEY = randomBytes(32);
function formatWholeFieldKey(field) {
  return `(${field})`;
}
function redactSecret(body) {
  const digests = /* @__PURE__ */ new Map();
  const copy = { ...body };
  for (const field of ["data", "stringData"]) {
    const values = body[field];
    if (values === void 0 || values === null) continue;
    if (!isRecord(values)) {
      digests.set(formatWholeFieldKey(field), digestSecretValue(field, values));
      copy[field] = REDACTED;
      continue;
    }
    for (const [key, value] of Object.entries(values)) digests.set(key, digestSecretValue(field, value));
    copy[field] = Object.fromEntries(Object.keys(values).map((key) => [key, REDACTED]));
  }
  const metadata = getMetadata(body);
  const annotations = metadata.annotations;
  if (isRecord(annotations) && "kubectl.kubernetes.io/last-applied-configuration" in annotations) {
    copy.metadata = {
      ...metadata,
      annotations: { ...annotations, "kubectl.kubernetes.io/last-applied-configuration": REDACTED }
    };
  }
  return { body: copy, digests: Object.fromEntries(digests) };
}
function digestSecretValue(field, value) {
  const bytes = typeof value !== "string" ? Buffer.from(`\0json:${canonicalJson(value)}`) : field === "data" ? Buffer.from(value, "base64") : Buffer.from(value);
  return createHmac("sha256", SECRET_DIGEST_KEY).update(bytes).digest("hex");
}
function canonicalJson(value) {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (isRecord(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}
function identifyObject(doc, scope, defaultNamespace = "default") {
  const { body } = doc;
  const apiVersion = String(body.apiVersion);
  const kind = String(body.kind);
  const group = getApiGroup(apiVersion);
  const metadata = getMetadata(body);
  const name = String(metadata.name);
  const kindScope = scope.getScope({ group, kind });
  const clusterScoped = kindScope === "cluster";
  const declared = typeof metadata.namespace === "string" ? metadata.namespace : "";
  const namespace = clusterScoped ? "" : declared || (kindScope === "namespaced" ? defaultNamespace : "");
  const id = { group, kind, namespace, name };
  let normalized = body;
  if (clusterScoped && declared !== "") {
    const { namespace: _dropped, ...rest } = metadata;
    normalized = { ...body, metadata: rest };
  }
  const base = { id, key: formatObjectKey(id), apiVersion, scope: kindScope, ...doc.provenance ? { provenance: doc.provenance } : {} };
  if (isSecret(id)) {
    const { body: redacted, digests } = redactSecret(normalized);
    return { ...base, body: redacted, secretDigests: digests };
  }
  return { ...base, body: normalized };
}
function collectCrdScopes(docs) {
  const scopes = [];
  for (const { body } of docs) {
    const crd = readCrdNames(body);
    if (crd) scopes.push({ groupKind: { group: crd.group, kind: crd.kind }, clusterScoped: crd.scope === "Cluster" });
  }
  return scopes;
}
function readCrdNames(body) {
  if (body.kind !== "CustomResourceDefinition" || getApiGroup(String(body.apiVersion)) !== "apiextensions.k8s.io") {
    return void 0;
  }
  const spec = isRecord(body.spec) ? body.spec : {};
  const names = isRecord(spec.names) ? spec.names : {};
  if (typeof spec.group !== "string" || typeof names.kind !== "string") return void 0;
  return {
    group: spec.group,
    kind: names.kind,
    plural: typeof names.plural === "string" ? names.plural : "",
    scope: typeof spec.scope === "string" ? spec.scope : "Namespaced"
  };
}
function buildObjectSet(docs, scope, defaultNamespace = "default") {
  const set = /* @__PURE__ */ new Map();
  for (const doc of docs) {
    const object = identifyObject(doc, scope, defaultNamespace);
    set.set(object.key, object);
  }
  return set;
}
function compareObjects(a, b) {
  const keyOf = ({ id }) => [id.kind, id.namespace, id.name, id.group].join("\0");
  const [x, y] = [keyOf(a), keyOf(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

// src/core/objects/yaml-bomb.ts
var import_yaml = __toESM(require_dist(), 1);
var MAX_ALIAS_EXPANSION = 1e4;
var ANCHOR = /(?:^|[\s[{,:-])&[^\s,[\]{}]/m;
function findAliasBomb(text) {
  if (!ANCHOR.test(text)) return void 0;
  let docs;
  try {
    docs = (0, import_yaml.parseAllDocuments)(text, { uniqueKeys: false, logLevel: "error" });
  } catch {
    return void 0;
  }
  if (!Array.isArray(docs)) return void 0;
  for (const doc of docs) {
    if (doc.errors.length > 0) continue;
    try {
      doc.toJS({ maxAliasCount: MAX_ALIAS_EXPANSION });
    } catch (error) {
      if (error instanceof Error && /alias/i.test(error.message)) {
        return `its YAML aliases expand beyond ${MAX_ALIAS_EXPANSION.toLocaleString("en-US")} nodes (an alias bomb)`;
      }
    }
  }
  return void 0;
}

// src/render/kustomize/confine.ts
var import_yaml2 = __toESM(require_dist(), 1);
import { readFileSync, realpathSync } from "node:fs";
import { basename, dirname, join, resolve, sep } from "node:path";
function createConfinement(treeRoot) {
  return { root: realpathSync(treeRoot) };
}
var BUILD_DIR_PREFIX = ".prune-guard-build-";
function admitBuildDirectory(confinement, dir) {
  return { ...confinement, also: [...confinement.also ?? [], realpathSync(dir)] };
}
function isInside(confinement, path2) {
  let current = resolve(path2);
  const rest = [];
  for (; ; ) {
    let real;
    try {
      real = realpathSync(current);
    } catch {
      const parent = dirname(current);
      if (parent === current) return false;
      rest.unshift(basename(current));
      current = parent;
      continue;
    }
    const full = rest.length > 0 ? join(real, ...rest) : real;
    if (confinement.outsideLinks && confinement.outsideLinks.size > 0) {
      for (let path3 = full; path3 !== dirname(path3); path3 = dirname(path3)) if (confinement.outsideLinks.has(path3)) return false;
    }
    const root = [confinement.root, ...confinement.also ?? []].find((candidate) => full === candidate || full.startsWith(`${candidate}${sep}`));
    return root !== void 0 && !full.slice(root.length).split(sep).includes(".git");
  }
}
var PATH_LISTS = [
  "resources",
  "bases",
  "components",
  "crds",
  "configurations",
  "generators",
  "transformers",
  "validators",
  "patchesStrategicMerge"
];
var PATH_MAPPINGS = {
  patches: ["path"],
  patchesJson6902: ["path"],
  replacements: ["path"],
  configMapGenerator: ["files", "envs", "env"],
  secretGenerator: ["files", "envs", "env"],
  helmCharts: ["valuesFile", "additionalValuesFiles"],
  helmChartInflationGenerator: ["chartHome", "values"]
};
var PATH_OBJECTS = {
  openapi: ["path"],
  helmGlobals: ["chartHome", "configHome"]
};
var PLUGIN_PATH_KEYS = ["path", "paths", "files", "envs", "env", "valuesFile", "additionalValuesFiles", "chartHome", "values"];
var NODE_VIEW = {
  get: (container, key) => (0, import_yaml2.isMap)(container) ? container.get(key, true) : void 0,
  items: (value) => (0, import_yaml2.isSeq)(value) ? value.items : void 0,
  text: (value) => (0, import_yaml2.isScalar)(value) && typeof value.value === "string" ? value.value : void 0,
  node: (value) => (0, import_yaml2.isScalar)(value) ? value : void 0
};
function foldFieldName(name) {
  return name.toLowerCase().replace(/\u017f/g, "s");
}
function getFolded(container, key) {
  if (typeof container !== "object" || container === null || Array.isArray(container) || container instanceof Uint8Array) return void 0;
  const wanted = foldFieldName(key);
  const values = Object.entries(container).filter(([name]) => foldFieldName(name) === wanted).map(([, value]) => value);
  if (values.length > 1 && values.every(Array.isArray)) return values.flat();
  return values.at(-1);
}
var VALUE_VIEW = {
  get: getFolded,
  items: (value) => Array.isArray(value) ? value : void 0,
  text: (value) => typeof value === "string" ? value : value instanceof Uint8Array ? Buffer.from(value).toString("utf8") : void 0,
  node: () => void 0
};
function listPathEntries(root, isRemote, resolved) {
  return mergeEntries(collectPathEntries(NODE_VIEW, root, isRemote), resolved === void 0 ? [] : collectPathEntries(VALUE_VIEW, resolved, isRemote));
}
function listPluginPathEntries(config, isRemote, resolved) {
  return mergeEntries(collectPluginEntries(NODE_VIEW, config, isRemote), resolved === void 0 ? [] : collectPluginEntries(VALUE_VIEW, resolved, isRemote));
}
function resolveYamlDocument(doc, shown) {
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_EXPANSION });
  } catch (error) {
    if (error instanceof Error && /alias/i.test(error.message)) throw new ManifestError(`${shown}: its YAML aliases expand beyond ${MAX_ALIAS_EXPANSION.toLocaleString("en-US")} nodes (an alias bomb); refused before building`);
    if (error instanceof RangeError) throw new ManifestError(`${shown}: a YAML alias or merge key refers to itself; refused before building`);
    throw error;
  }
}
var GO_YAML_OPTIONS = {
  uniqueKeys: false,
  merge: true,
  customTags: ["binary"],
  // The library's warnings go to stderr raw, quoting the file (a collection as a key).
  logLevel: "error"
};
function mergeEntries(fromNodes, fromValue) {
  const seen = new Set(fromNodes.map((entry) => `${entry.field}\0${entry.value}`));
  return [...fromNodes, ...fromValue.filter((entry) => !seen.has(`${entry.field}\0${entry.value}`))];
}
function readEntry(view, field, value, stripKey, isRemote) {
  const text = view.text(value);
  if (text === void 0 || text === "" || isRemote(text)) return void 0;
  const path2 = stripKey && text.includes("=") ? text.slice(text.indexOf("=") + 1) : text;
  const node = view.node(value);
  return path2 === "" ? void 0 : { field, value: path2, ...node ? { node } : {} };
}
function readEntries(view, field, value, stripKey, isRemote) {
  return (view.items(value) ?? [value]).flatMap((item) => readEntry(view, field, item, stripKey, isRemote) ?? []);
}
function collectPathEntries(view, root, isRemote) {
  const entries = [];
  for (const field of PATH_LISTS) entries.push(...readEntries(view, field, view.get(root, field), false, isRemote));
  for (const [field, keys] of Object.entries(PATH_MAPPINGS)) {
    (view.items(view.get(root, field)) ?? []).forEach((item, index) => {
      for (const key of keys) entries.push(...readEntries(view, `${field}[${index}].${key}`, view.get(item, key), key === "files", isRemote));
    });
  }
  for (const [field, keys] of Object.entries(PATH_OBJECTS)) {
    const object = view.get(root, field);
    for (const key of keys) entries.push(...readEntries(view, `${field}.${key}`, view.get(object, key), false, isRemote));
  }
  return entries;
}
function collectPluginEntries(view, config, isRemote) {
  const entries = PLUGIN_PATH_KEYS.flatMap((key) => readEntries(view, key, view.get(config, key), key === "files", isRemote));
  (view.items(view.get(config, "replacements")) ?? []).forEach((item, index) => {
    entries.push(...readEntries(view, `replacements[${index}].path`, view.get(item, "path"), false, isRemote));
  });
  return entries;
}
function inspectPluginConfig(source, bases, confinement, listedBy) {
  const lineCounter = new import_yaml2.LineCounter();
  const text = "config" in source ? readFileSync(source.config, "utf8") : source.inline;
  const found = { outside: [], values: [] };
  const shown = "config" in source ? source.config : source.file;
  for (const doc of (0, import_yaml2.parseAllDocuments)(text, { lineCounter, ...GO_YAML_OPTIONS })) {
    if (!("contents" in doc) || !(0, import_yaml2.isMap)(doc.contents) || doc.errors.length > 0) continue;
    for (const entry of listPluginPathEntries(doc.contents, () => false, resolveYamlDocument(doc, shown))) {
      found.values.push(entry.value);
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(entry.value) || !bases.some((base) => !isInside(confinement, resolve(base, entry.value)))) continue;
      found.outside.push(
        "config" in source ? { file: source.config, line: entry.node?.range ? lineCounter.linePos(entry.node.range[0]).line : 1, field: `${entry.field} (a plugin configuration of ${listedBy})`, value: entry.value } : { file: source.file, line: source.line, field: `${entry.field} (an inline plugin configuration)`, value: entry.value }
      );
    }
  }
  return found;
}

// src/render/kustomize/read-kustomization.ts
var KUSTOMIZATION_FILE_NAMES = ["kustomization.yaml", "kustomization.yml", "Kustomization"];
var RESOURCE_FIELDS = ["resources", "bases", "components", "crds"];
var GENERATOR_FIELDS = { configMapGenerator: "ConfigMapGenerator", secretGenerator: "SecretGenerator" };
var SKIPPED_DIRS = /* @__PURE__ */ new Set([".git", "node_modules"]);
function findKustomizationFile(dir) {
  for (const name of KUSTOMIZATION_FILE_NAMES) {
    const file = join2(dir, name);
    if (existsSync(file) && statSync(file).isFile()) return file;
  }
  return void 0;
}
function isRemoteReference(value) {
  return /^(https?|ssh|git|file):\/\//.test(value) || /^git@/.test(value) || /^(github|gitlab|bitbucket)\.(com|org)\//.test(value);
}
var PLUGIN_FIELDS = /* @__PURE__ */ new Set(["generators", "transformers", "validators"]);
function readKustomization(dir, show2, confinement) {
  const file = findKustomizationFile(dir);
  if (!file) return void 0;
  if (confinement && !isInside(confinement, file)) {
    const outside2 = [{ file, line: 1, field: "kustomization file", value: toPosix(relative(dir, file)) }];
    return { dir, file, isComponent: false, includes: [], pluginDirs: [], files: /* @__PURE__ */ new Map(), remotes: /* @__PURE__ */ new Map(), generators: /* @__PURE__ */ new Map(), referencedPaths: [], outside: outside2, pluginValues: [], pathEntries: [] };
  }
  const text = readFileSync2(file, "utf8");
  const lineCounter = new import_yaml3.LineCounter();
  const doc = (0, import_yaml3.parseDocument)(text, { lineCounter, ...GO_YAML_OPTIONS });
  const shown = show2(file);
  const error = doc.errors[0];
  if (error) {
    const line = error.linePos?.[0]?.line;
    throw new ManifestError(`${shown}${line ? `:${line}` : ""}: malformed YAML: ${describeYamlError(error.message)}`);
  }
  const root = doc.contents;
  if (root !== null && !(0, import_yaml3.isMap)(root)) throw new ManifestError(`${shown}: not a kustomization (expected a YAML mapping)`);
  const resolved = root ? resolveYamlDocument(doc, shown) : void 0;
  const lineOfValue = indexScalarLines(doc, lineCounter);
  const lineOf = (node, value) => node?.range ? lineCounter.linePos(node.range[0]).line : lineOfValue(value);
  const bases = confinement ? [.../* @__PURE__ */ new Set([dir, realpathSync2(dir)])] : [dir];
  const leaves = (value) => confinement !== void 0 && bases.some((base) => !isInside(confinement, resolve2(base, value)));
  const includes = [];
  const pluginDirs = [];
  const files = /* @__PURE__ */ new Map();
  const remotes = /* @__PURE__ */ new Map();
  const generators = /* @__PURE__ */ new Map();
  const outside = [];
  const pluginConfigs = [];
  const entries = root ? listPathEntries(root, () => false, resolved) : [];
  for (const entry of entries) {
    const origin = { kustomization: file, line: lineOf(entry.node, entry.value) };
    if (entry.value.includes("\0")) throw new ManifestError(`${shown}:${origin.line}: ${entry.field} holds a NUL character`);
    const resourceField = RESOURCE_FIELDS.includes(entry.field);
    if (isRemoteReference(entry.value)) {
      if (resourceField && !remotes.has(entry.value)) remotes.set(entry.value, origin);
      continue;
    }
    if (leaves(entry.value)) {
      outside.push({ file, line: origin.line, field: entry.field, value: entry.value });
      continue;
    }
    const pluginField = PLUGIN_FIELDS.has(entry.field);
    if (!resourceField && !pluginField) continue;
    const target = resolve2(dir, entry.value);
    const stat = statSync(target, { throwIfNoEntry: false });
    if (stat?.isDirectory()) {
      includes.push(target);
      if (pluginField) pluginDirs.push(target);
    } else if (resourceField) files.set(target, origin);
    else if (stat?.isFile()) pluginConfigs.push(target);
  }
  const pluginValues = [];
  if (confinement) {
    const add = (found) => {
      outside.push(...found.outside);
      pluginValues.push(...found.values);
    };
    for (const config of pluginConfigs) add(inspectPluginConfig({ config }, [...bases, dirname2(config)], confinement, show2(dir)));
    for (const field of PLUGIN_FIELDS) {
      for (const entry of [...listInlineEntries(root?.get(field, true)), ...listInlineEntries(isRecordLike(resolved) ? resolved[field] : void 0)]) {
        add(inspectPluginConfig({ inline: entry.text, file, line: lineOf(entry.node, entry.text) }, bases, confinement, show2(dir)));
      }
    }
  }
  for (const [field, kind] of Object.entries(GENERATOR_FIELDS)) {
    const list = root?.get(field, true);
    if (!(0, import_yaml3.isSeq)(list)) continue;
    for (const item of list.items) {
      if (!(0, import_yaml3.isMap)(item)) continue;
      const name = item.get("name");
      if (typeof name === "string") generators.set(`${kind}/${name}`, { kustomization: file, line: lineOf(item, name) });
    }
  }
  const referencedPaths = /* @__PURE__ */ new Set();
  (0, import_yaml3.visit)(doc, {
    Scalar(_key, node) {
      if (typeof node.value !== "string" || node.value === "" || node.value.includes("\n")) return;
      const candidates = node.value.includes("=") ? [node.value, node.value.slice(node.value.indexOf("=") + 1)] : [node.value];
      for (const candidate of candidates) {
        if (isRemoteReference(candidate) || candidate.length > 4096) continue;
        const target = resolve2(dir, candidate);
        if (target === dir || !existsSync(target)) continue;
        if (leaves(candidate)) continue;
        referencedPaths.add(target);
      }
    }
  });
  return {
    dir,
    file,
    isComponent: isComponent(root?.get("kind", true)),
    includes,
    pluginDirs,
    files,
    remotes,
    generators,
    referencedPaths: [...referencedPaths].sort(),
    outside,
    pluginValues,
    pathEntries: entries.map(({ field, value }) => ({ field, value }))
  };
}
function indexScalarLines(doc, lineCounter) {
  let lines;
  return (value) => {
    if (!lines) {
      const index = /* @__PURE__ */ new Map();
      (0, import_yaml3.visit)(doc, {
        Scalar(_key, node) {
          if (typeof node.value === "string" && !index.has(node.value) && node.range) index.set(node.value, lineCounter.linePos(node.range[0]).line);
        }
      });
      lines = index;
    }
    return lines.get(value) ?? 1;
  };
}
function isRecordLike(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function listInlineEntries(list) {
  const items = (0, import_yaml3.isSeq)(list) ? list.items : Array.isArray(list) ? list : [];
  const entries = [];
  for (const item of items) {
    if ((0, import_yaml3.isScalar)(item) && typeof item.value === "string") entries.push({ text: item.value, node: item });
    else if (typeof item === "string") entries.push({ text: item });
  }
  return entries;
}
function isComponent(kind) {
  return (0, import_yaml3.isScalar)(kind) && kind.value === "Component";
}
function readKustomizationGraph(root, show2, confinement) {
  const seen = /* @__PURE__ */ new Map();
  const queue = [{ dir: root }];
  while (queue.length > 0) {
    const { dir, pluginOf } = queue.shift();
    if (seen.has(dir)) continue;
    let kustomization = readKustomization(dir, show2, confinement);
    if (!kustomization) continue;
    if (pluginOf && confinement) {
      const found = [...kustomization.files.keys()].map((config) => inspectPluginConfig({ config }, [...pluginOf, dir, realpathSync2(dir), dirname2(config)], confinement, show2(dir)));
      kustomization = {
        ...kustomization,
        outside: [...kustomization.outside, ...found.flatMap((inspection) => inspection.outside)],
        pluginValues: [...kustomization.pluginValues, ...found.flatMap((inspection) => inspection.values)]
      };
    }
    seen.set(dir, kustomization);
    const { pluginDirs } = kustomization;
    queue.push(...kustomization.includes.map((include) => ({ dir: include, ...pluginDirs.includes(include) ? { pluginOf: [dir] } : pluginOf ? { pluginOf } : {} })));
  }
  return { root, kustomizations: [...seen.values()] };
}
function listOutsideReferences(graph) {
  return graph.kustomizations.flatMap((kustomization) => kustomization.outside);
}
function findKustomizationRoots(dir, show2, confinement) {
  const found = [];
  const walk = (current) => {
    const kustomization = readKustomization(current, show2, confinement);
    if (kustomization) found.push(kustomization);
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      if (entry.isDirectory() && !SKIPPED_DIRS.has(entry.name)) walk(join2(current, entry.name));
    }
  };
  walk(dir);
  const included = new Set(found.flatMap((kustomization) => kustomization.includes));
  return found.filter((kustomization) => !kustomization.isComponent && !included.has(kustomization.dir)).map((kustomization) => kustomization.dir).sort();
}
function createInputFiles(markers = []) {
  return { markers, facts: /* @__PURE__ */ new Map() };
}
function readGraphInputs(graph, treeRoot, files, options = {}) {
  const { confinement } = options;
  const inputs = /* @__PURE__ */ new Set();
  const addTree = (path2, isRoot) => {
    const link = lstatSync(path2, { throwIfNoEntry: false });
    if (!link) return;
    if (link.isSymbolicLink() && confinement && !isInside(confinement, path2)) return;
    const stat = link.isSymbolicLink() ? statSync(path2, { throwIfNoEntry: false }) : link;
    if (!stat) return;
    if (stat.isFile()) {
      inputs.add(path2);
      return;
    }
    if (!stat.isDirectory() || !isRoot && findKustomizationFile(path2)) return;
    for (const entry of readdirSync(path2, { withFileTypes: true })) {
      if (!SKIPPED_DIRS.has(entry.name)) addTree(join2(path2, entry.name), false);
    }
  };
  const hash = createHash("sha256");
  let remote2 = false;
  for (const kustomization of graph.kustomizations) {
    addTree(kustomization.dir, true);
    for (const path2 of kustomization.referencedPaths) addTree(path2, true);
    for (const url of [...kustomization.remotes.keys()].sort()) {
      hash.update(`remote\0${url}\0`);
      remote2 = true;
    }
  }
  const markers = /* @__PURE__ */ new Set();
  for (const path2 of [...inputs].sort()) {
    let facts = files.facts.get(path2);
    if (facts === void 0) {
      const bytes = readFileSync2(path2);
      const text = bytes.toString("utf8");
      const bomb = findAliasBomb(text);
      if (bomb) throw new ManifestError(`${(options.show ?? ((p) => p))(path2)}: ${bomb}; refused before building`);
      facts = { digest: createHash("sha256").update(bytes).digest("hex"), markers: files.markers.filter((marker) => text.includes(marker)) };
      files.facts.set(path2, facts);
    }
    for (const marker of facts.markers) markers.add(marker);
    hash.update(`file\0${toPosix(relative(treeRoot, path2))}\0${facts.digest}\0`);
  }
  return { hash: hash.digest("hex"), markers, remote: remote2 };
}
function toPosix(path2) {
  return sep2 === "/" ? path2 : path2.split(sep2).join("/");
}

// src/core/text/redact.ts
function redactCredentials(text) {
  return text.replace(/([a-z][a-z0-9+.-]*:\/\/)(?:[^\s'"<>/?#@:]*:[^\s'"<>?#]*|[^\s'"<>/?#@:]*)@/gi, "$1***@");
}
function hideUserInfo(value) {
  const at = value.lastIndexOf("@");
  if (at < 0) return redactCredentials(value);
  const scheme = /^[a-z][a-z0-9+.-]*:\/\/?/i.exec(value)?.[0] ?? "";
  return `${scheme}***${value.slice(at)}`;
}

// src/core/config/network-policy.ts
var DEFAULT_ALLOWED_HOSTS = [
  "github.com",
  "raw.githubusercontent.com",
  "gist.githubusercontent.com",
  "objects.githubusercontent.com",
  "release-assets.githubusercontent.com",
  "codeload.github.com",
  "gitlab.com",
  "bitbucket.org"
];
var ALLOW_HINT = "allow it with remote.allow in .prune-guard.yaml";
var RemoteDeniedError = class extends RenderError {
  constructor(message) {
    super(message);
    this.name = "RemoteDeniedError";
  }
};
var DEFAULT_PORTS = { http: "80", https: "443", ssh: "22", git: "9418" };
var UNSAFE_CHARACTERS = /[\s\\\u0000-\u001f\u007f-\u009f]/;
var HOST_PORT = /^(?<host>[A-Za-z0-9._-]+|\[[0-9A-Fa-f:.]+\])(?::(?<port>\d{0,5}))?$/;
var SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//;
var SCP_USER = /^[A-Za-z][A-Za-z0-9-]*@/;
var GITHUB_SHORTHAND = /^github\.com[/:]/i;
function readReference(value) {
  const rest = value.replace(/^git::/i, "");
  const scheme = SCHEME.exec(rest)?.[1]?.toLowerCase();
  if (scheme === void 0 && !SCP_USER.test(rest) && !GITHUB_SHORTHAND.test(rest)) return { kind: "local" };
  if (UNSAFE_CHARACTERS.test(value)) return refuse("it is no plain URL (it holds whitespace, a backslash or a control character)");
  if (scheme === "file") return refuse("file:// reads the runner's disk", "list a path inside the repository instead");
  if (scheme !== void 0) return readUrl(rest, scheme);
  if (GITHUB_SHORTHAND.test(rest)) return remote({ scheme: "https", host: "github.com", port: "443", canonical: `https://github.com/${rest.slice("github.com/".length)}` });
  const afterUser = rest.slice(rest.indexOf("@") + 1);
  const end = afterUser.search(/[:/]/);
  const rawHost = end < 0 ? afterUser : afterUser.slice(0, end);
  const host = /^[A-Za-z0-9._-]+$/.test(rawHost) ? normalizeHost(rawHost) : void 0;
  if (host === void 0) return refuse(`its host '${rawHost}' is no plain host name or address`);
  return remote({ scheme: "ssh", host, port: DEFAULT_PORTS.ssh, canonical: `ssh://${host}/${end < 0 ? "" : afterUser.slice(end + 1)}` });
}
function readUrl(rest, scheme) {
  if (DEFAULT_PORTS[scheme] === void 0) return refuse(`prune-guard fetches no ${scheme}:// URLs`);
  const authority = rest.slice(scheme.length + 3).split(/[/?#]/, 1)[0] ?? "";
  const hostPort = authority.slice(authority.lastIndexOf("@") + 1);
  const match2 = HOST_PORT.exec(hostPort);
  const host = match2?.groups?.host === void 0 ? void 0 : normalizeHost(match2.groups.host);
  if (!match2 || host === void 0) return refuse(`its host '${hostPort}' is no plain host name or address`);
  const written = match2.groups?.port ?? "";
  if (written !== "" && (Number(written) < 1 || Number(written) > 65535)) return refuse(`its port ${written} is out of range`);
  const port = written === "" ? DEFAULT_PORTS[scheme] : String(Number(written));
  if (!URL.canParse(rest)) return refuse("it is no valid URL");
  const url = new URL(rest);
  if ((scheme === "http" || scheme === "https") && url.hostname.replace(/\.$/, "") !== host) return refuse("its host reads differently to different URL parsers");
  url.username = "";
  url.password = "";
  url.hash = "";
  return remote({ scheme, host, port, canonical: url.href });
}
function refuse(reason, hint = ALLOW_HINT) {
  return { kind: "refused", reason, hint };
}
function remote(target) {
  return { kind: "remote", target };
}
function normalizeHost(raw) {
  if (!URL.canParse(`http://${raw}/`)) return void 0;
  const host = new URL(`http://${raw}/`).hostname.replace(/\.$/, "");
  return host === "" ? void 0 : host;
}
var ENTRY_FORMS = "write a host (example.com), *.example.com, host:port, or an http(s) URL prefix (https://artifacts.example.com/k8s/)";
function parseAllowEntry(value) {
  if (value.trim() === "" || UNSAFE_CHARACTERS.test(value)) return `it is empty or holds whitespace: ${ENTRY_FORMS}`;
  const scheme = SCHEME.exec(value)?.[1]?.toLowerCase();
  if (scheme !== void 0) {
    if (scheme !== "http" && scheme !== "https") return `a URL prefix must be http(s) (a host entry also covers ssh and git URLs): ${ENTRY_FORMS}`;
    const reading = readUrl(value, scheme);
    if (reading.kind !== "remote") return `${reading.kind === "refused" ? reading.reason : "it is no URL"}: ${ENTRY_FORMS}`;
    const url = new URL(value);
    if (url.username !== "" || url.password !== "") return "a URL prefix must not carry credentials";
    if (url.search !== "" || url.hash !== "" || value.includes("?") || value.includes("#")) return "a URL prefix ends with its path (no ? or #)";
    return { kind: "prefix", prefix: reading.target.canonical };
  }
  const wildcard = value.startsWith("*.");
  let rest = wildcard ? value.slice(2) : value;
  if (!rest.startsWith("[") && (rest.match(/:/g) ?? []).length > 1) rest = `[${rest}]`;
  const match2 = HOST_PORT.exec(rest);
  const host = match2?.groups?.host === void 0 ? void 0 : normalizeHost(match2.groups.host);
  if (!match2 || host === void 0) return ENTRY_FORMS;
  const port = match2.groups?.port;
  if (port !== void 0 && (port === "" || Number(port) < 1 || Number(port) > 65535)) return `the port must be 1 to 65535: ${ENTRY_FORMS}`;
  if (wildcard && (isAddress(host) || !host.includes("."))) return "a wildcard needs a domain of two labels or more after *., e.g. *.example.com";
  return { kind: "host", host, wildcard, ...port !== void 0 ? { port: String(Number(port)) } : {} };
}
function findAllowEntryProblem(value) {
  const entry = parseAllowEntry(value);
  return typeof entry === "string" ? entry : void 0;
}
function matchesEntry(entry, target) {
  if (entry.kind === "prefix") {
    if (!target.canonical.startsWith(entry.prefix)) return false;
    const next = target.canonical.charAt(entry.prefix.length);
    return entry.prefix.endsWith("/") || next === "" || next === "/" || next === "?";
  }
  const hostMatches = entry.wildcard ? target.host.endsWith(`.${entry.host}`) : target.host === entry.host;
  return hostMatches && (entry.port === void 0 || entry.port === target.port);
}
function createNetworkPolicy(options = {}) {
  const parse6 = (value) => {
    const entry = parseAllowEntry(value);
    if (typeof entry === "string") throw new UsageError(`the remote allow entry '${hideUserInfo(value)}' is invalid: ${entry}`);
    return entry;
  };
  const explicit = [...options.allow ?? [], ...options.alsoAllow ?? []].map(parse6);
  const defaults2 = options.allow === void 0 ? DEFAULT_ALLOWED_HOSTS.map(parse6) : [];
  const mirrors = (options.mirrors ?? []).flatMap(({ to }) => {
    if (!URL.canParse(to)) return [];
    const url = new URL(to);
    url.username = "";
    url.password = "";
    return [url.href];
  });
  return {
    judge: (url) => {
      const reading = readReference(url);
      if (reading.kind === "local") return { allowed: false, reason: "it is no URL", hint: ALLOW_HINT };
      if (reading.kind === "refused") return { allowed: false, reason: reading.reason, hint: reading.hint };
      const { target } = reading;
      if (mirrors.some((prefix2) => target.canonical.startsWith(prefix2))) return { allowed: true, target, via: "mirror" };
      if (explicit.some((entry) => matchesEntry(entry, target))) return { allowed: true, target, via: "entry" };
      const special = describeHost(target.host);
      if (special) return { allowed: false, reason: `${target.host} is ${special}`, hint: ALLOW_HINT };
      if (target.port === DEFAULT_PORTS[target.scheme] && defaults2.some((entry) => matchesEntry(entry, target))) return { allowed: true, target, via: "default" };
      const shown = target.port === DEFAULT_PORTS[target.scheme] ? target.host : `${target.host}:${target.port}`;
      return { allowed: false, reason: `${shown} is not an allowed host`, hint: ALLOW_HINT };
    }
  };
}
function describeDenial(asWritten, reason, hint) {
  return `remote resource ${showUrl(asWritten)} is not allowed: ${reason} (${hint})`;
}
function describeOfflineDenial(asWritten, cacheable) {
  const cache2 = cacheable ? ", and the cache does not hold it" : "";
  return `remote resource ${showUrl(asWritten)} is not fetched: the run is offline${cache2} (serve it through a mirror, --mirror or mirrors in .prune-guard.yaml, or run without offline)`;
}
function showUrl(url) {
  return redactCredentials(url).replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
function isAddress(host) {
  return parseIpv4(host) !== void 0 || host.startsWith("[") && parseIpv6(host) !== void 0;
}
function describeHost(host) {
  const name = host.toLowerCase();
  if (name === "localhost" || name.endsWith(".localhost")) return "a loopback name";
  return describeAddress(host);
}
function describeAddress(address) {
  const v4 = parseIpv4(address);
  if (v4) return describeIpv4(v4);
  const v6 = parseIpv6(address);
  return v6 ? describeIpv6(v6) : void 0;
}
function parseIpv4(text) {
  const match2 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (!match2) return void 0;
  const bytes = match2.slice(1).map(Number);
  return bytes.every((byte) => byte <= 255) ? bytes : void 0;
}
function describeIpv4([a = 0, b = 0, c = 0]) {
  if (a === 0) return "an unspecified address";
  if (a === 127) return "a loopback address";
  if (a === 10 || a === 172 && b >= 16 && b <= 31 || a === 192 && b === 168) return "a private address";
  if (a === 169 && b === 254) return "a link-local address";
  if (a === 100 && b >= 64 && b <= 127) return "a shared (carrier-grade NAT) address";
  if (a >= 224 && a <= 239) return "a multicast address";
  if (a >= 240 || a === 192 && b === 0 && c === 0 || a === 198 && (b === 18 || b === 19)) return "a reserved address";
  return void 0;
}
function parseIpv6(text) {
  let input = text.replace(/^\[(.*)\]$/, "$1").replace(/%.*$/, "").toLowerCase();
  if (!input.includes(":")) return void 0;
  const dotted = /(?:^|:)(\d+\.\d+\.\d+\.\d+)$/.exec(input);
  if (dotted?.[1]) {
    const v4 = parseIpv4(dotted[1]);
    if (!v4) return void 0;
    const [a = 0, b = 0, c = 0, d = 0] = v4;
    input = `${input.slice(0, input.length - dotted[1].length)}${(a << 8 | b).toString(16)}:${(c << 8 | d).toString(16)}`;
  }
  const halves = input.split("::");
  if (halves.length > 2) return void 0;
  const groups = (part) => {
    if (part === "") return [];
    const parts = part.split(":");
    return parts.every((group) => /^[0-9a-f]{1,4}$/.test(group)) ? parts.map((group) => parseInt(group, 16)) : void 0;
  };
  const head = groups(halves[0] ?? "");
  const tail = halves.length === 2 ? groups(halves[1] ?? "") : [];
  if (!head || !tail) return void 0;
  if (halves.length === 1) return head.length === 8 ? head : void 0;
  const missing = 8 - head.length - tail.length;
  return missing >= 1 ? [...head, ...new Array(missing).fill(0), ...tail] : void 0;
}
function describeIpv6(groups) {
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = groups;
  const embedded = (high, low) => describeIpv4([high >> 8, high & 255, low >> 8, low & 255]);
  if (groups.every((group) => group === 0)) return "an unspecified address";
  if (groups.slice(0, 7).every((group) => group === 0) && g7 === 1) return "a loopback address";
  if (g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0 && (g5 === 65535 || g5 === 0)) return embedded(g6, g7);
  if (g0 === 100 && g1 === 65435 && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0) return embedded(g6, g7);
  if (g0 === 100 && g1 === 65435 && g2 === 1) return "a private address";
  if (g0 === 8194) return embedded(g1, g2);
  if ((g0 & 65024) === 64512 || (g0 & 65472) === 65216) return "a private address";
  if ((g0 & 65472) === 65152) return "a link-local address";
  if ((g0 & 65280) === 65280) return "a multicast address";
  if (g0 === 256 && g1 === 0 && g2 === 0 && g3 === 0) return "a reserved address";
  return void 0;
}

// src/core/text/plain-text.ts
var CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
var NAMED_ESCAPES = { "\n": "\\n", "\r": "\\r", "	": "\\t" };
function formatEscape(character) {
  const named = NAMED_ESCAPES[character];
  if (named) return named;
  const code = character.charCodeAt(0);
  return code < 256 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
}
function escapeControlCharacters(text, keep = "") {
  return text.replace(CONTROL_CHARACTERS, (character) => keep.includes(character) ? character : formatEscape(character));
}
var LINE_LEAD = /^(?:[\s\u0085\u180e]|\u001b\[[0-9;]*m)*/;
function protectLine(line) {
  const broken = line.replace(/##\[/g, "##\\[");
  const lead = LINE_LEAD.exec(broken)?.[0].length ?? 0;
  return broken.startsWith("::", lead) ? `${broken.slice(0, lead)}\\${broken.slice(lead)}` : broken;
}
function protectLines(text) {
  return text.split(/(\r\n|\r|\n)/).map((part, index) => index % 2 === 1 ? part : protectLine(part)).join("");
}
function formatLogLine(text) {
  return protectLine(escapeControlCharacters(text));
}
function formatLogLines(text) {
  return text.split(/\r\n|\r|\n/).map((line) => protectLine(escapeControlCharacters(line, "	"))).join("\n");
}
function protectPatch(patch) {
  let altered = 0;
  const lines = patch.split("\n").map((line) => {
    const crlf = line.endsWith("\r");
    const body = crlf ? line.slice(0, -1) : line;
    const safe = protectLine(escapeControlCharacters(body, "	"));
    if (safe !== body) altered += 1;
    return crlf ? `${safe}\r` : safe;
  });
  return { text: lines.join("\n"), altered };
}
var JSON_RAW_CONTROLS = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
function protectJson(json) {
  return json.replace(JSON_RAW_CONTROLS, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`).replace(/##\[/g, "#\\u0023[");
}

// src/report/format.ts
var SHORT_KIND_NAMES = {
  CustomResourceDefinition: ["CRD", "CRDs"],
  Namespace: ["Namespace", "Namespaces"],
  PersistentVolumeClaim: ["PVC", "PVCs"],
  PersistentVolume: ["PV", "PVs"],
  StatefulSet: ["StatefulSet", "StatefulSets"]
};
function formatPlanCounts(counts, pruneByKind = {}) {
  const notable = Object.entries(pruneByKind).map(([kind, count]) => {
    const [one, many] = SHORT_KIND_NAMES[kind] ?? [kind, `${kind}s`];
    return `${count} ${count === 1 ? one : many}`;
  });
  const prune = `${counts.prune} to prune${notable.length > 0 ? ` (${notable.join(", ")})` : ""}`;
  const replace = counts.replace > 0 ? `, ${counts.replace} generated ${counts.replace === 1 ? "name" : "names"} replaced` : "";
  return `${counts.add} to add, ${counts.change} to change, ${prune}${replace}`;
}
function formatPlanLine(report) {
  return `Plan: ${formatPlanCounts(report.summary, report.summary.pruneByKind)}`;
}
function formatFindingCounts(report) {
  const { error, warning, notice } = report.summary.findings;
  return `${pluralize(error, "error")}, ${pluralize(warning, "warning")}, ${pluralize(notice, "notice")}`;
}
function formatVerdict(report) {
  if (report.failOn === "never") return "Not failing: --fail-on never.";
  return report.blocking ? `Blocking: findings at or above ${report.failOn}.` : `No findings at or above ${report.failOn}.`;
}
function formatProvenance(provenance, quote = (value) => value) {
  if (!provenance) return void 0;
  const where = provenance.kustomization ? quote(`${provenance.kustomization}${provenance.line ? `:${provenance.line}` : ""}`) : void 0;
  let what;
  if (provenance.generator) what = `generated by ${quote(provenance.generator)}`;
  else if (provenance.url) what = `from ${quote(provenance.url)}`;
  else if (provenance.repo) what = `from ${quote(provenance.repo)}${provenance.file ? ` (${quote(provenance.file)})` : ""}`;
  else if (provenance.file) what = `from ${quote(provenance.file)}`;
  if (what && where) return `${what}, listed at ${where}`;
  return what ?? (where ? `listed at ${where}` : void 0);
}
function pluralize(count, noun) {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
function orderUnitsAsTree(units) {
  const names = new Set(units.map((unit) => unit.name));
  const children = /* @__PURE__ */ new Map();
  const roots = [];
  for (const unit of units) {
    const parent = unit.flux?.parent;
    if (parent && parent !== unit.name && names.has(parent)) children.set(parent, [...children.get(parent) ?? [], unit]);
    else roots.push(unit);
  }
  const rows = [];
  const seen = /* @__PURE__ */ new Set();
  const visit3 = (unit, depth) => {
    if (seen.has(unit.name)) return;
    seen.add(unit.name);
    rows.push({ unit, depth });
    for (const child of children.get(unit.name) ?? []) visit3(child, depth + 1);
  };
  for (const root of roots) visit3(root, 0);
  return rows;
}
function formatUnitVerdict(unit) {
  if (!unit.flux) return "";
  if (unit.flux.skipped) return `not rendered: ${unit.flux.skipped}`;
  if (unit.before !== null && unit.after === null) return "removed";
  if (unit.before === null) return "new";
  return unit.flux.verdict === "pruned" ? "prunes" : "orphans (prune: false)";
}
function formatUnitFindings(report, unit) {
  const counts = { error: 0, warning: 0, notice: 0 };
  for (const finding of report.findings) if (finding.unit === unit) counts[finding.severity] += 1;
  return ["error", "warning", "notice"].filter((severity) => counts[severity] > 0).map((severity) => pluralize(counts[severity], severity)).join(", ");
}

// src/report/json.ts
function formatJson(report) {
  return `${JSON.stringify(report, null, 2)}
`;
}

// src/report/markdown-escape.ts
var EMPTY_VALUE = "*(empty)*";
function breakCommentOpeners(text) {
  return text.replace(/<!--/g, "<\\!--");
}
function findLongestBacktickRun(text) {
  return Math.max(0, ...[...text.matchAll(/`+/g)].map((match2) => match2[0].length));
}
function formatCodeSpan(value, inTable) {
  if (value === "") return EMPTY_VALUE;
  let text = breakCommentOpeners(escapeControlCharacters(value));
  if (inTable) text = text.replace(/\|/g, "\\|");
  const ticks = "`".repeat(findLongestBacktickRun(text) + 1);
  const pad = text.startsWith("`") || text.endsWith("`") || text.startsWith(" ") && text.endsWith(" ") && text.trim() !== "";
  return pad ? `${ticks} ${text} ${ticks}` : `${ticks}${text}${ticks}`;
}
function formatCode(value) {
  return formatCodeSpan(value, false);
}
function formatCellCode(value) {
  return formatCodeSpan(value, true);
}
var LIVE_CHARACTERS = /[@#<>&`*_[\]\\|~$!]/;
var AUTOLINK = /https?:\/\/|www\.|\bGH-\d/i;
var NOT_PRINTABLE_ASCII = /[^\x20-\x7e]/;
var BLOCK_MARKER = /^(?:[-+*=]+|\d{1,9}[.)])$/;
var WORD_EDGES = /^([("']*)(.*?)([)"',.;:?]*)$/s;
function isLiveToken(token) {
  return LIVE_CHARACTERS.test(token) || AUTOLINK.test(token) || NOT_PRINTABLE_ASCII.test(token);
}
function formatProseToken(token, inTable) {
  if (token === "") return token;
  if (BLOCK_MARKER.test(token)) return formatCodeSpan(token, inTable);
  const [, lead = "", word = "", edge = ""] = WORD_EDGES.exec(token) ?? [];
  let core = word;
  let trail = edge;
  while (trail.startsWith(")") && core.split("(").length > core.split(")").length) {
    core += ")";
    trail = trail.slice(1);
  }
  if (!isLiveToken(core)) return token;
  return `${lead}${formatCodeSpan(core, inTable)}${trail}`;
}
function formatProse(text) {
  return text.split(" ").map((token) => formatProseToken(token, false)).join(" ");
}
function formatCellProse(text) {
  return text.split(" ").map((token) => formatProseToken(token, true)).join(" ");
}
function escapeHtml(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}
function formatHtmlCode(value) {
  if (value === "") return "<em>(empty)</em>";
  return `<code>${escapeHtml(escapeControlCharacters(value))}</code>`;
}
function formatFence(text, language) {
  const body = breakCommentOpeners(
    text.split(/\r?\n/).map((line) => escapeControlCharacters(line, "	")).join("\n")
  );
  const ticks = "`".repeat(Math.max(3, findLongestBacktickRun(body) + 1));
  return `${ticks}${language}
${body}
${ticks}`;
}

// src/report/markdown.ts
var DEFAULT_FULL_REPORT = "the job summary of this run";
var SEVERITY_BADGE = {
  error: ":stop_sign: error",
  warning: ":warning: warning",
  notice: ":information_source: notice"
};
function formatMarkdown(report, options = {}) {
  const out = [];
  out.push(`### ${formatTitle(report, options.acknowledgedBy)}`, "");
  out.push(`**${formatPlanLine(report)}**`, "");
  out.push(`Comparing ${formatCode(report.before.label)} to ${formatCode(report.after.label)}.`, "");
  for (const note of report.notes) out.push(`_Note: ${formatCellProse(note)}_`, "");
  const showUnits = report.units.length > 1;
  const shown = report.findings.slice(0, options.maxFindings ?? report.findings.length);
  if (shown.length > 0) {
    out.push("| Severity | Rule | Object | What happens | Source |", "| --- | --- | --- | --- | --- |");
    for (const finding of shown) {
      const source = [showUnits ? formatCellCode(finding.unit || ".") : "", formatProvenance(finding.provenance, formatCellCode) ?? ""].filter(Boolean).join(": ");
      out.push(
        `| ${SEVERITY_BADGE[finding.severity]} | ${formatCellCode(finding.rule)} | ${formatCellCode(formatObjectRef(finding.object))} | ${formatCellProse(finding.message)} | ${source} |`
      );
    }
    out.push("");
  }
  const hidden = report.findings.length - shown.length;
  if (hidden > 0) out.push(`_${shown.length > 0 ? `...and ${hidden} more` : `${hidden}`} ${hidden === 1 ? "finding" : "findings"}: ${options.fullReport ?? DEFAULT_FULL_REPORT} lists them all._`, "");
  out.push(`${formatFindingCounts(report)}. ${formatVerdict(report)}`, "");
  if (options.acknowledgedBy && report.blocking) {
    out.push(`Acknowledged by the label ${formatCode(options.acknowledgedBy)}: the check passes, and everything above still happens on merge.`, "");
  }
  out.push(...formatFixes(report.fixes, options.suggestedFixes ?? [], options.mergeLineFixes ?? [], options.fixCommand ?? { command: "prune-guard fix" }));
  if (options.findingsOnly) {
    out.push(`_Per-Kustomization details and object diffs are in ${options.fullReport ?? DEFAULT_FULL_REPORT}._`);
    return `${out.join("\n").trimEnd()}
`;
  }
  if (report.units.some((unit) => unit.flux)) {
    out.push("| Flux Kustomization | Path | What Flux does | Plan | Findings |", "| --- | --- | --- | --- | --- |");
    for (const { unit, depth } of orderUnitsAsTree(report.units)) {
      const indent2 = depth > 0 ? `${"\xA0\xA0".repeat(depth)}\u2514\xA0` : "";
      out.push(
        `| ${indent2}${formatCellCode(unit.name || ".")} | ${unit.flux ? formatCellCode(`./${unit.flux.path}`) : ""} | ${formatCellProse(formatUnitVerdict(unit))} | ${formatPlanCounts(unit.counts)} | ${formatUnitFindings(report, unit.name)} |`
      );
    }
    out.push("");
  }
  for (const unit of report.units) {
    const { add, change, prune, replace } = unit.counts;
    if (add + change + prune + replace === 0) continue;
    out.push("<details>", `<summary>${formatHtmlCode(unit.name || ".")}: ${formatPlanCounts(unit.counts)}</summary>`, "");
    const inUnit = (entries) => entries.filter((entry) => entry.unit === unit.name);
    for (const entry of inUnit(report.changes.removed)) out.push(`- :heavy_minus_sign: ${formatCode(formatObjectRef(entry.object))}`);
    for (const entry of inUnit(report.changes.added)) out.push(`- :heavy_plus_sign: ${formatCode(formatObjectRef(entry.object))}`);
    for (const entry of report.changes.replaced.filter((replace2) => replace2.unit === unit.name)) {
      out.push(`- :recycle: ${formatCode(formatObjectRef(entry.from))} -> ${formatCode(entry.to.name)} (generated name)`);
    }
    const changes = report.changes.changed.filter((entry) => entry.unit === unit.name);
    for (const entry of changes) {
      if (options.omitDiffs) out.push(`- :pencil2: ${formatCode(formatObjectRef(entry.object))}`);
    }
    out.push("");
    if (!options.omitDiffs) for (const entry of changes) out.push(...formatChange(entry));
    out.push("</details>", "");
  }
  return `${out.join("\n").trimEnd()}
`;
}
var VENDORED_PREVIEW_LIMIT = 4096;
function formatFixes(fixes, suggested, mergeLines, { command, checkout }) {
  if (fixes.length === 0) return [];
  const out = [`#### ${fixes.length === 1 ? "Fix" : "Fixes"}`, ""];
  for (const fix of fixes) {
    const status = fix.verified ? "verified: a build with it keeps every object" : "not verified";
    const where2 = fix.edits.map((edit) => formatCode(`${edit.path}:${edit.startLine}`)).join(", ");
    out.push(`- ${formatProse(fix.description)} (${status}${suggested.includes(fix) ? `; suggested on ${where2}` : ""})`);
    if (suggested.includes(fix)) continue;
    out.push("");
    for (const edit of fix.edits) {
      const lines = edit.startLine === edit.endLine ? `line ${edit.startLine} becomes` : `lines ${edit.startLine}-${edit.endLine} become`;
      const file = mergeLines.includes(fix) ? `${formatCode(edit.path)} as merged with the base branch` : formatCode(edit.path);
      out.push(`  In ${file}, ${lines}:`, "", indent(fence(edit.replacement, "yaml")), "");
    }
    for (const file of fix.files) {
      if (file.content.length > VENDORED_PREVIEW_LIMIT) {
        const lineCount = file.content.replace(/\n$/, "").split("\n").length;
        const how = fix.verified ? `${formatCode(`${command} --write`)} writes it` : `${formatCode(command)} prints it`;
        out.push(`  New file ${formatCode(file.path)}: ${lineCount} lines; ${how}.`, "");
        continue;
      }
      out.push(`  New file ${formatCode(file.path)}:`, "", indent(fence(file.content, "yaml")), "");
    }
  }
  if (out.at(-1) !== "") out.push("");
  const where = checkout ? `, on a checkout of ${formatCode(checkout)},` : "";
  out.push(
    fixes.every((fix) => fix.verified) ? `Apply locally${where} with ${formatCode(`${command} --write`)}.` : `Apply locally${where} with ${formatCode(`${command} --write`)} (verified fixes; review the others in the patch of ${formatCode(command)}).`,
    ""
  );
  return out;
}
function indent(text) {
  return text.split("\n").map((line) => `  ${line}`).join("\n");
}
function formatChange(entry) {
  const version = entry.previousApiVersion ? ` (${formatHtmlCode(entry.previousApiVersion)} -&gt; ${formatHtmlCode(entry.object.apiVersion)})` : "";
  const secret = entry.secretKeys ? [
    `Secret keys: ${[
      ...entry.secretKeys.added.map((key) => formatCode(`+${key}`)),
      ...entry.secretKeys.removed.map((key) => formatCode(`-${key}`)),
      ...entry.secretKeys.changed.map((key) => formatCode(`~${key}`))
    ].join(", ") || "none changed"}`,
    ""
  ] : [];
  return [
    "<details>",
    `<summary>:pencil2: ${formatHtmlCode(formatObjectRef(entry.object))}${version}</summary>`,
    "",
    ...secret,
    fence(entry.diff, "diff"),
    "</details>",
    ""
  ];
}
function fence(text, language) {
  return formatFence(text.trimEnd(), language);
}
function formatTitle(report, acknowledgedBy) {
  if (report.blocking && acknowledgedBy) return ":ballot_box_with_check: prune-guard: blocking findings, acknowledged";
  if (report.blocking) return ":stop_sign: prune-guard: this change prunes what it must not";
  if (report.findings.length > 0) return ":white_check_mark: prune-guard: nothing blocking";
  return ":white_check_mark: prune-guard: nothing to flag";
}

// src/report/text.ts
import { styleText } from "node:util";
var SEVERITY_STYLE = { error: "red", warning: "yellow", notice: "cyan" };
function showRef(id) {
  return escapeControlCharacters(formatObjectRef(id));
}
function formatText(report, options) {
  const paint = (style, text) => options.color ? styleText(style, text, { validateStream: false }) : text;
  const lines = [];
  lines.push(`prune-guard ${report.tool.version}: ${escapeControlCharacters(report.before.label)} -> ${escapeControlCharacters(report.after.label)}`);
  lines.push(paint("bold", formatPlanLine(report)));
  for (const note of report.notes) lines.push(`note: ${escapeControlCharacters(note)}`);
  const showUnits = report.units.length > 1;
  if (report.findings.length > 0) {
    lines.push("", paint("bold", "Findings:"));
    for (const finding of report.findings) {
      const label = finding.severity.padEnd(7);
      lines.push(`  ${paint(SEVERITY_STYLE[finding.severity], label)} ${finding.rule}  ${showRef(finding.object)}`);
      lines.push(`          ${escapeControlCharacters(finding.message)}`);
      const where = [showUnits ? `in ${escapeControlCharacters(finding.unit)}` : void 0, formatProvenance(finding.provenance, escapeControlCharacters)].filter(Boolean);
      if (where.length > 0) lines.push(`          ${where.join("; ")}`);
    }
  }
  const { fixes } = report;
  if (fixes.length > 0) {
    const how = fixes.every((fix) => fix.verified) ? fixes.length === 1 ? "applies it" : "applies them" : "applies the verified ones";
    const { command, checkout } = options.fixCommand ?? { command: "prune-guard fix" };
    lines.push("", paint("bold", `${fixes.length === 1 ? "Fix" : "Fixes"} (${checkout ? `on a checkout of ${escapeControlCharacters(checkout)}, ` : ""}${escapeControlCharacters(command)} shows the patch; with --write it ${how}):`));
    for (const fix of fixes) {
      const where = fix.edits.map((edit) => `${escapeControlCharacters(edit.path)}:${edit.startLine}`).join(", ");
      lines.push(`  ${paint(fix.verified ? "green" : "yellow", fix.verified ? "verified" : "unverified")}  ${where}`);
      lines.push(`          ${escapeControlCharacters(fix.description)}`);
      for (const entry of fix.entries) lines.push(`          ${paint("green", "+")} ${escapeControlCharacters(entry)}`);
    }
  }
  if (report.units.some((unit) => unit.flux)) {
    lines.push("", paint("bold", "Flux Kustomizations:"));
    for (const { unit, depth } of orderUnitsAsTree(report.units)) {
      const findings = formatUnitFindings(report, unit.name);
      const path2 = unit.flux ? `./${escapeControlCharacters(unit.flux.path)}` : "";
      lines.push(`  ${"  ".repeat(depth)}${escapeControlCharacters(unit.name)}  ${path2}  ${escapeControlCharacters(formatUnitVerdict(unit))}; ${formatPlanCounts(unit.counts)}${findings ? `; ${findings}` : ""}`);
    }
  }
  for (const unit of report.units) {
    const { add, change, prune, replace } = unit.counts;
    if (add + change + prune + replace === 0) continue;
    const sides = `${unit.before ?? "absent"} before, ${unit.after ?? "absent"} after`;
    lines.push("", paint("bold", `${escapeControlCharacters(unit.name) || "."} (${sides}): ${formatPlanCounts(unit.counts)}`));
    const inUnit = (entries) => entries.filter((entry) => entry.unit === unit.name);
    for (const entry of inUnit(report.changes.removed)) lines.push(`  ${paint("red", "-")} ${showRef(entry.object)}`);
    for (const entry of inUnit(report.changes.added)) lines.push(`  ${paint("green", "+")} ${showRef(entry.object)}`);
    for (const entry of report.changes.changed.filter((change2) => change2.unit === unit.name)) {
      const version = entry.previousApiVersion ? ` (${escapeControlCharacters(entry.previousApiVersion)} -> ${escapeControlCharacters(entry.object.apiVersion)})` : "";
      lines.push(`  ${paint("yellow", "~")} ${showRef(entry.object)}${version}`);
    }
    for (const entry of report.changes.replaced.filter((replace2) => replace2.unit === unit.name)) {
      lines.push(`  ${paint("dim", "=")} ${showRef(entry.from)} -> ${escapeControlCharacters(entry.to.name)} (generated name)`);
    }
  }
  lines.push("", `${formatFindingCounts(report)}. ${formatVerdict(report)}`);
  return `${protectLines(lines.join("\n"))}
`;
}

// src/render/remote-fetch.ts
import { createHash as createHash2, randomBytes as randomBytes2 } from "node:crypto";
import { lookup } from "node:dns/promises";
import { existsSync as existsSync2, mkdirSync, readFileSync as readFileSync3, renameSync, rmSync, statSync as statSync2, writeFileSync } from "node:fs";
import { join as join3 } from "node:path";

// src/core/config/parse-config.ts
var import_yaml4 = __toESM(require_dist(), 1);

// src/core/config/config-model.ts
var EMPTY_CONFIG = Object.freeze({
  severity: Object.freeze([]),
  ignore: Object.freeze([]),
  clusterScoped: Object.freeze([]),
  sources: Object.freeze([]),
  clusters: Object.freeze([]),
  substitute: Object.freeze({}),
  mirrors: Object.freeze([]),
  remote: Object.freeze({})
});

// node_modules/balanced-match/dist/esm/index.js
var range = (a, b, str) => {
  let begs, beg, left, right = void 0, result;
  let ai = str.indexOf(a);
  let bi = str.indexOf(b, ai + 1);
  let i = ai;
  if (ai >= 0 && bi > 0) {
    if (a === b) {
      return [ai, bi];
    }
    begs = [];
    left = str.length;
    while (i >= 0 && !result) {
      if (i === ai) {
        begs.push(i);
        ai = str.indexOf(a, i + 1);
      } else if (begs.length === 1) {
        const r = begs.pop();
        if (r !== void 0)
          result = [r, bi];
      } else {
        beg = begs.pop();
        if (beg !== void 0 && beg < left) {
          left = beg;
          right = bi;
        }
        bi = str.indexOf(b, i + 1);
      }
      i = ai < bi && ai >= 0 ? ai : bi;
    }
    if (begs.length && right !== void 0) {
      result = [left, right];
    }
  }
  return result;
};

// node_modules/brace-expansion/dist/esm/index.js
var escSlash = "\0SLASH" + Math.random().toFixed(16) + "\0";
var escOpen = "\0OPEN" + Math.random().toFixed(16) + "\0";
var escClose = "\0CLOSE" + Math.random().toFixed(16) + "\0";
var escComma = "\0COMMA" + Math.random().toFixed(16) + "\0";
var escPeriod = "\0PERIOD" + Math.random().toFixed(16) + "\0";
var escSlashPattern = new RegExp(escSlash, "g");
var escOpenPattern = new RegExp(escOpen, "g");
var escClosePattern = new RegExp(escClose, "g");
var escCommaPattern = new RegExp(escComma, "g");
var escPeriodPattern = new RegExp(escPeriod, "g");
var slashPattern = /\\\\/g;
var openPattern = /\\{/g;
var closePattern = /\\}/g;
var commaPattern = /\\,/g;
var periodPattern = /\\\./g;
var EXPANSION_MAX = 1e5;
var EXPANSION_MAX_LENGTH = 4e6;
var EXPANSION_MAX_DEPTH = 1e3;
var EXPANSION_MAX_REWRITES = 1e3;
var EXPANSION_MAX_STEPS = 2e7;
var CALL_STEPS = 16;
function numeric(str) {
  return !isNaN(str) ? parseInt(str, 10) : str.charCodeAt(0);
}
function escapeBraces(str) {
  return str.replace(slashPattern, escSlash).replace(openPattern, escOpen).replace(closePattern, escClose).replace(commaPattern, escComma).replace(periodPattern, escPeriod);
}
function unescapeBraces(str) {
  return str.replace(escSlashPattern, "\\").replace(escOpenPattern, "{").replace(escClosePattern, "}").replace(escCommaPattern, ",").replace(escPeriodPattern, ".");
}
function pushAll(target, items) {
  for (let i = 0; i < items.length; i++) {
    target.push(items[i]);
  }
}
function balancedWithBudget(str, masked, budget) {
  if (budget.remaining < 0) {
    return void 0;
  }
  const r = range("{", "}", masked);
  const unmatched = r !== void 0 && masked.indexOf("{") < r[0];
  budget.remaining -= r && !unmatched ? r[1] + 1 : str.length;
  if (!r || budget.remaining < 0) {
    return void 0;
  }
  return {
    end: r[1],
    pre: str.slice(0, r[0]),
    body: str.slice(r[0] + 1, r[1]),
    post: str.slice(r[1] + 1),
    unmatched
  };
}
function maskUnmatchedOpens(masked, budget) {
  budget.remaining -= masked.length;
  const open = [];
  for (let i = 0; i < masked.length; i++) {
    const c = masked.charCodeAt(i);
    if (c === 123) {
      open.push(i);
    } else if (c === 125 && open.length) {
      open.pop();
    }
  }
  let out = "";
  let last = 0;
  for (let i = 0; i < open.length; i++) {
    const at = open[i];
    out += masked.slice(last, at) + "\0";
    last = at + 1;
  }
  return out + masked.slice(last);
}
function commaSetFollows(str, budget) {
  budget.remaining -= str.length;
  if (budget.remaining < 0) {
    return false;
  }
  let close = false;
  for (let i = str.length - 1; i >= 0; i--) {
    const c = str.charCodeAt(i);
    if (c === 125) {
      close = true;
    } else if (c === 10 || c === 13 || c === 8232 || c === 8233) {
      close = false;
    } else if (c === 44 && close && str.charCodeAt(i + 1) !== 44) {
      return true;
    }
  }
  return false;
}
function parseCommaParts(str, budget) {
  const parts = [];
  let carry = "";
  for (; ; ) {
    const m = balancedWithBudget(str, str, budget);
    if (budget.remaining < 0) {
      return void 0;
    }
    if (!m) {
      const tail = str.split(",");
      tail[0] = carry + tail[0];
      pushAll(parts, tail);
      return parts;
    }
    const { pre, body, post } = m;
    const p = pre.split(",");
    p[0] = carry + p[0];
    p[p.length - 1] += "{" + body + "}";
    if (!post.length) {
      pushAll(parts, p);
      return parts;
    }
    carry = p.pop();
    pushAll(parts, p);
    str = post;
  }
}
function bound(value, fallback) {
  return value === void 0 || isNaN(value) ? fallback : value;
}
function expand(str, options = {}) {
  if (!str) {
    return [];
  }
  const max = bound(options.max, EXPANSION_MAX);
  const maxLength = bound(options.maxLength, EXPANSION_MAX_LENGTH);
  const maxDepth = bound(options.maxDepth, EXPANSION_MAX_DEPTH);
  const maxRewrites = bound(options.maxRewrites, EXPANSION_MAX_REWRITES);
  const maxSteps = bound(options.maxSteps, EXPANSION_MAX_STEPS);
  if (str.slice(0, 2) === "{}") {
    str = "\\{\\}" + str.slice(2);
  }
  return expand_(escapeBraces(str), max, maxLength, maxDepth, 0, maxRewrites, { remaining: maxSteps }, true).map(unescapeBraces);
}
function embrace(str) {
  return "{" + str + "}";
}
function isPadded(el) {
  return /^-?0\d/.test(el);
}
function lte(i, y) {
  return i <= y;
}
function gte(i, y) {
  return i >= y;
}
function combine(acc, pre, values, max, maxLength, dropEmpties, budget) {
  const out = [];
  let length = 0;
  let nonEmpty;
  outer: for (let a = 0; a < acc.length; a++) {
    const prefix2 = acc[a] + pre;
    let vs = values;
    if (dropEmpties && !prefix2) {
      if (!nonEmpty)
        nonEmpty = values.filter((v) => v);
      vs = nonEmpty;
    }
    for (let v = 0; v < vs.length; v++) {
      if (out.length >= max)
        break outer;
      const expansion = prefix2 + vs[v];
      if (length + expansion.length > maxLength)
        break outer;
      out.push(expansion);
      length += expansion.length;
    }
  }
  budget.remaining -= out.length;
  return out;
}
function expandSequence(body, isAlphaSequence, max, maxLength, budget) {
  const n = body.split(/\.\./);
  const N = [];
  if (n[0] === void 0 || n[1] === void 0) {
    return N;
  }
  const x = numeric(n[0]);
  const y = numeric(n[1]);
  const width = Math.max(n[0].length, n[1].length);
  let incr = n.length === 3 && n[2] !== void 0 ? Math.max(Math.abs(numeric(n[2])), 1) : 1;
  let test = lte;
  const reverse = y < x;
  if (reverse) {
    incr *= -1;
    test = gte;
  }
  const pad = n.some(isPadded);
  const cost = pad ? width : 1;
  let length = 0;
  for (let i = x; test(i, y) && N.length < max; i += incr) {
    budget.remaining -= cost;
    if (budget.remaining < 0) {
      return void 0;
    }
    let c;
    if (isAlphaSequence) {
      c = String.fromCharCode(i);
      if (c === "\\") {
        c = "";
      }
    } else {
      c = String(i);
      if (pad) {
        const need = width - c.length;
        if (need > 0) {
          const z = new Array(need + 1).join("0");
          if (i < 0) {
            c = "-" + z + c.slice(1);
          } else {
            c = z + c;
          }
        }
      }
    }
    if (length + c.length > maxLength)
      break;
    N.push(c);
    length += c.length;
  }
  return N;
}
function expand_(str, max, maxLength, maxDepth, depth, maxRewrites, budget, isTop) {
  budget.remaining -= CALL_STEPS;
  if (depth > maxDepth) {
    return [str];
  }
  let acc = [""];
  let rewrites = 0;
  let dropEmpties = false;
  let firstGroup = true;
  let masked = str;
  for (; ; ) {
    const m = balancedWithBudget(str, masked, budget);
    if (!m) {
      return combine(acc, str, [""], max, maxLength, dropEmpties, budget);
    }
    if (m.unmatched) {
      masked = maskUnmatchedOpens(masked, budget);
    }
    const pre = m.pre;
    const literal2 = () => combine(acc, pre + "{" + m.body + "}" + m.post, [""], max, maxLength, dropEmpties, budget);
    if (/\$$/.test(pre)) {
      acc = combine(acc, pre + "{" + m.body + "}", [""], max, maxLength, dropEmpties && !m.post.length, budget);
      firstGroup = false;
      if (!m.post.length)
        break;
      str = m.post;
      masked = masked.slice(m.end + 1);
      continue;
    }
    const isNumericSequence = /^-?\d+\.\.-?\d+(?:\.\.-?\d+)?$/.test(m.body);
    const isAlphaSequence = /^[a-zA-Z]\.\.[a-zA-Z](?:\.\.-?\d+)?$/.test(m.body);
    const isSequence = isNumericSequence || isAlphaSequence;
    const isOptions = m.body.indexOf(",") >= 0;
    if (!isSequence && !isOptions) {
      if (rewrites < maxRewrites && commaSetFollows(m.post, budget)) {
        rewrites++;
        str = m.pre + "{" + m.body + escClose + m.post;
        masked = masked.slice(0, m.end) + escClose + masked.slice(m.end + 1);
        isTop = true;
        continue;
      }
      return literal2();
    }
    if (firstGroup) {
      dropEmpties = isTop && !isSequence;
      firstGroup = false;
    }
    let values;
    if (isSequence) {
      values = expandSequence(m.body, isAlphaSequence, max, maxLength, budget);
      if (!values) {
        return literal2();
      }
    } else {
      let n = parseCommaParts(m.body, budget);
      if (!n) {
        return literal2();
      }
      if (n.length === 1 && n[0] !== void 0) {
        n = expand_(n[0], max, maxLength, maxDepth, depth + 1, maxRewrites, budget, false).map(embrace);
        if (budget.remaining < 0) {
          return literal2();
        }
        if (n.length === 1) {
          const next2 = combine(acc, pre + n[0], [""], max, maxLength, dropEmpties && !m.post.length, budget);
          if (budget.remaining < 0) {
            return literal2();
          }
          acc = next2;
          if (!m.post.length)
            break;
          str = m.post;
          masked = masked.slice(m.end + 1);
          continue;
        }
      }
      let dropsEmpties = dropEmpties && !m.post.length && !pre;
      for (let d = 0; dropsEmpties && d < acc.length; d++) {
        if (acc[d]) {
          dropsEmpties = false;
        }
      }
      values = [];
      let valuesLength = 0;
      outer: for (let j = 0; j < n.length; j++) {
        const expanded = expand_(n[j], max, maxLength, maxDepth, depth + 1, maxRewrites, budget, false);
        if (budget.remaining < 0) {
          return literal2();
        }
        for (let k = 0; k < expanded.length; k++) {
          const v = expanded[k];
          if (dropsEmpties && !v)
            continue;
          if (values.length >= max || valuesLength + v.length > maxLength) {
            break outer;
          }
          values.push(v);
          valuesLength += v.length;
        }
      }
    }
    const next = combine(acc, pre, values, max, maxLength, dropEmpties && !m.post.length, budget);
    if (budget.remaining < 0) {
      return literal2();
    }
    acc = next;
    if (!m.post.length)
      break;
    str = m.post;
    masked = masked.slice(m.end + 1);
  }
  return acc;
}

// node_modules/@isaacs/nonrecursive-glob-match/dist/esm/numeric-range.js
var digit = (a, b) => a === b ? { t: "lit", ch: String(a) } : { t: "class", re: new RegExp(`^[${a}-${b}]$`) };
var prefix = (d, alts) => alts.map((s) => [digit(d, d), ...s]);
var fixed = (a, b) => {
  if (!a)
    return [[]];
  let lo = +a[0];
  let hi = +b[0];
  const ra = a.slice(1);
  const rb = b.slice(1);
  if (lo === hi)
    return prefix(lo, fixed(ra, rb));
  const zeros = "0".repeat(ra.length);
  const nines = "9".repeat(ra.length);
  const out = [];
  if (ra !== zeros)
    out.push(...prefix(lo++, fixed(ra, nines)));
  const last = rb === nines ? [] : prefix(hi--, fixed(zeros, rb));
  if (lo <= hi) {
    out.push([digit(lo, hi), ...Array.from(ra, () => digit(0, 9))]);
  }
  out.push(...last);
  return out;
};
var nonneg = (a, b, width) => {
  if (width) {
    return fixed(String(a).padStart(width, "0"), String(b).padStart(width, "0"));
  }
  const out = [];
  for (let len = String(a).length; len <= String(b).length; len++) {
    const lo = Math.max(a, len === 1 ? 0 : 10 ** (len - 1));
    const hi = Math.min(b, 10 ** len - 1);
    out.push(...fixed(String(lo), String(hi)));
  }
  return out;
};
var numericRange = (loStr, hiStr) => {
  let lo = Number(loStr);
  let hi = Number(hiStr);
  if (!Number.isSafeInteger(lo) || !Number.isSafeInteger(hi))
    return;
  if (lo > hi)
    [lo, hi] = [hi, lo];
  const padded = /^-?0\d/.test(loStr) || /^-?0\d/.test(hiStr);
  const width = padded ? Math.max(loStr.length, hiStr.length) : 0;
  const out = [];
  if (lo < 0) {
    const neg = nonneg(Math.max(-hi, 1), -lo, width && width - 1);
    out.push(...neg.map((s) => [{ t: "lit", ch: "-" }, ...s]));
  }
  if (hi >= 0)
    out.push(...nonneg(Math.max(lo, 0), hi, width));
  return out;
};

// node_modules/@isaacs/nonrecursive-glob-match/dist/esm/parse-class.js
var posixClasses = {
  "[:alnum:]": ["\\p{L}\\p{Nl}\\p{Nd}"],
  "[:alpha:]": ["\\p{L}\\p{Nl}"],
  "[:ascii:]": ["\\x00-\\x7f"],
  "[:blank:]": ["\\p{Zs}\\t"],
  "[:cntrl:]": ["\\p{Cc}"],
  "[:digit:]": ["\\p{Nd}"],
  "[:graph:]": ["\\p{Z}\\p{C}", true],
  "[:lower:]": ["\\p{Ll}"],
  "[:print:]": ["\\p{C}", true],
  "[:punct:]": ["\\p{P}\\p{S}"],
  "[:space:]": ["\\p{Z}\\t\\r\\n\\v\\f"],
  "[:upper:]": ["\\p{Lu}"],
  "[:word:]": ["\\p{L}\\p{Nl}\\p{Nd}\\p{Pc}"],
  "[:xdigit:]": ["A-Fa-f0-9"]
};
var braceEscape = (s) => s.replace(/[[\]\\-]/g, "\\$&");
var noMatch = /$./;
var parseClass = (glob, position, nocase = false, form) => {
  const norm = (c) => {
    const n = form ? c.normalize(form) : c;
    return [...n].length === 1 ? n : c;
  };
  const pos = position;
  if (glob.charAt(pos) !== "[") {
    throw new Error("not in a brace expression");
  }
  const ranges = [];
  const negs = [];
  let i = pos + 1;
  let sawStart = false;
  let escaping = false;
  let negate = false;
  let endPos = pos;
  let rangeStart = "";
  WHILE: while (i < glob.length) {
    const c = String.fromCodePoint(glob.codePointAt(i));
    if ((c === "!" || c === "^") && i === pos + 1) {
      negate = true;
      i++;
      continue;
    }
    if (c === "]" && sawStart && !escaping) {
      endPos = i + 1;
      break;
    }
    sawStart = true;
    if (c === "\\") {
      if (!escaping) {
        escaping = true;
        i++;
        continue;
      }
    }
    if (c === "[" && !escaping) {
      for (const [cls, [unip, neg]] of Object.entries(posixClasses)) {
        if (glob.startsWith(cls, i)) {
          if (rangeStart) {
            return [noMatch, glob.length - pos];
          }
          i += cls.length;
          if (neg)
            negs.push(unip);
          else
            ranges.push(unip);
          continue WHILE;
        }
      }
    }
    escaping = false;
    const n = norm(c);
    if (rangeStart) {
      if (n.codePointAt(0) > rangeStart.codePointAt(0)) {
        ranges.push(braceEscape(rangeStart) + "-" + braceEscape(n));
      } else if (n === rangeStart) {
        ranges.push(braceEscape(n));
      }
      rangeStart = "";
      i += c.length;
      continue;
    }
    if (glob.startsWith("-]", i + c.length)) {
      ranges.push(braceEscape(n + "-"));
      i += c.length + 1;
      continue;
    }
    if (glob.startsWith("-", i + c.length)) {
      rangeStart = n;
      i += c.length + 1;
      continue;
    }
    ranges.push(braceEscape(n));
    i += c.length;
  }
  if (endPos < i) {
    return [noMatch, 0];
  }
  if (!ranges.length && !negs.length) {
    return [noMatch, glob.length - pos];
  }
  const sranges = "[" + (negate ? "^" : "") + ranges.join("") + "]";
  const snegs = "[" + (negate ? "" : "^") + negs.join("") + "]";
  const comb = "^" + (ranges.length && negs.length ? "(" + sranges + "|" + snegs + ")" : ranges.length ? sranges : snegs);
  return [new RegExp(comb, nocase ? "iu" : "u"), endPos - pos];
};

// node_modules/@isaacs/nonrecursive-glob-match/dist/esm/index.js
var MATCH = { t: "match", id: 0 };
var extTypes = "!?+*@";
var lit = (ch) => ({ t: "lit", ch });
var reEscape = (s) => s.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");
var newFoldRe = (s) => new RegExp(`^${reEscape(s)}$`, "iu");
var foldCache = /* @__PURE__ */ new Map();
var foldRe = (ch) => {
  let re = foldCache.get(ch);
  if (!re) {
    re = newFoldRe(ch);
    if (foldCache.size >= 1e3)
      foldCache.clear();
    foldCache.set(ch, re);
  }
  return re;
};
var litMatch = (l, c) => {
  if (c === l.ch)
    return true;
  if (!l.re)
    return false;
  const code = c.charCodeAt(0);
  if (code >= 128)
    return l.re.test(c);
  const ascii = l.ascii ??= new Uint8Array(128);
  ascii[code] ||= l.re.test(c) ? 1 : 2;
  return ascii[code] === 1;
};
var tokenize2 = (p, nocase, noext, form, mark) => {
  const toks = [];
  for (let i = 0; i < p.length; ) {
    const c = String.fromCodePoint(p.codePointAt(i));
    if (mark) {
      const m = c === "\\" && p.startsWith(mark, i + 1) ? 1 : 0;
      if (m || c === mark) {
        const start = i + m + mark.length;
        const end = p.indexOf(mark, start);
        const r = /^(-?\d+)\.\.(-?\d+)$/.exec(p.slice(start, end));
        const alts = end !== -1 && r && numericRange(r[1], r[2]);
        if (alts) {
          toks.push({ t: "ext", type: "@", alts });
          i = end + mark.length;
          continue;
        }
      }
    }
    if (c === "\\") {
      const e = p.codePointAt(i + 1);
      const ch = e === void 0 ? c : String.fromCodePoint(e);
      toks.push(lit(ch));
      i += 1 + ch.length;
      continue;
    }
    if (c === "[") {
      const [re, consumed] = parseClass(p, i, nocase, form);
      if (consumed) {
        toks.push({ t: "class", re });
        i += consumed;
        continue;
      }
    }
    if (!noext && extTypes.includes(c) && p[i + 1] === "(") {
      toks.push({ t: "open", type: c });
      i += 2;
      continue;
    }
    toks.push(!noext && c === "|" ? { t: "bar" } : !noext && c === ")" ? { t: "close" } : c === "*" ? { t: "star" } : c === "?" ? { t: "any" } : lit(c));
    i += c.length;
  }
  return toks;
};
var pair = (toks) => {
  const pairs = /* @__PURE__ */ new Map();
  const stack = [];
  toks.forEach((tok, i) => {
    if (tok.t === "open")
      stack.push(i);
    else if (tok.t === "close" && stack.length)
      pairs.set(stack.pop(), i);
  });
  return pairs;
};
var build = (toks, pairs, start, end, top) => {
  let seq = [];
  const alts = [seq];
  for (let i = start; i < end; i++) {
    const tok = toks[i];
    const close = pairs.get(i);
    if (tok.t === "open" && close !== void 0) {
      const sub = build(toks, pairs, i + 1, close, false);
      seq.push({ t: "ext", type: tok.type, alts: sub });
      i = close;
    } else if (tok.t === "bar" && !top) {
      alts.push(seq = []);
    } else if (tok.t === "open") {
      seq.push(lit(tok.type), lit("("));
    } else if (tok.t === "bar") {
      seq.push(lit("|"));
    } else if (tok.t === "close") {
      seq.push(lit(")"));
    } else {
      seq.push(tok);
    }
  }
  return alts;
};
var normalize = (items, form) => {
  const out = [];
  let run = "";
  const flush = () => {
    for (const ch of run.normalize(form))
      out.push(lit(ch));
    run = "";
  };
  for (const it of items) {
    if (it.t === "lit") {
      run += it.ch;
      continue;
    }
    flush();
    out.push(it.t === "ext" ? { ...it, alts: it.alts.map((a) => normalize(a, form)) } : it);
  }
  flush();
  return out;
};
var compile = (items, nocase) => {
  let id = 1;
  const split = (out) => ({ t: "split", id: id++, out });
  const seq = (items2, next) => items2.reduceRight((next2, it) => item(it, next2), next);
  const item = (it, next) => {
    switch (it.t) {
      case "lit":
        const re = nocase ? foldRe(it.ch) : void 0;
        return { t: "lit", id: id++, ch: it.ch, re, next };
      case "any":
      case "star":
        return { t: it.t, id: id++, next };
      case "class":
        return { t: "class", id: id++, re: it.re, next };
    }
    const alts = (next2) => it.alts.map((a) => seq(a, next2));
    switch (it.type) {
      case "@":
        return split(alts(next));
      case "?":
        return split([next, ...alts(next)]);
      case "!":
        return { t: "neg", id: id++, sub: split(alts(MATCH)), next };
    }
    const after = split([]);
    const entry = split(alts(after));
    after.out.push(next, entry);
    return it.type === "*" ? after : entry;
  };
  const start = seq(items, MATCH);
  return [start, id];
};
var show = (start) => {
  const lines = [];
  const seen = /* @__PURE__ */ new Set();
  const ref = (n) => n.t === "match" ? "match" : String(n.id);
  const walk = (n, indent2) => {
    if (n.t === "match" || seen.has(n))
      return;
    seen.add(n);
    const line = (desc) => lines.push(`${indent2}${n.id}: ${desc}`);
    switch (n.t) {
      case "split":
        line(`split -> ${n.out.map(ref).join(", ")}`);
        for (const o of n.out)
          walk(o, indent2);
        return;
      case "neg":
        line(`!(${ref(n.sub)}) -> ${ref(n.next)}`);
        walk(n.sub, indent2 + "  ");
        return walk(n.next, indent2);
      case "lit":
        line(`${JSON.stringify(n.ch)} -> ${ref(n.next)}`);
        break;
      case "class":
        line(`${n.re} -> ${ref(n.next)}`);
        break;
      default:
        line(`${n.t === "any" ? "?" : "*"} -> ${ref(n.next)}`);
    }
    walk(n.next, indent2);
  };
  walk(start, "");
  return [`start -> ${ref(start)}`, ...lines].join("\n");
};
var State = class {
  // set by the Sim, to mark the nodes that this state has
  gen;
  threads = [];
  match = false;
  runs = [];
  // the sorted ids of the threads, with 0 for a match, once the
  // state is done
  ids = [];
  constructor(gen) {
    this.gen = gen;
  }
  // no threads, so nothing more can match
  get dead() {
    return !this.threads.length && !this.match && !this.runs.length;
  }
};
var sameState = (a, b) => {
  if (a.ids.length !== b.ids.length)
    return false;
  if (a.runs.length !== b.runs.length)
    return false;
  if (a.ids.some((id, i) => id !== b.ids[i]))
    return false;
  return a.runs.every((r) => b.runs.some((o) => o.neg === r.neg && sameState(o.state, r.state)));
};
var marks = (size) => ({
  has: new Float64Array(size),
  seen: new Float64Array(size),
  gen: 0
});
var Sim = class {
  // `.` and `..` only match literal dots, even with `dot:true`
  dots;
  // the string starts with `.`, and `dot:true` is not set
  dotStart;
  #marks;
  constructor(dots, dotStart, marks2) {
    this.dots = dots;
    this.dotStart = dotStart;
    this.#marks = marks2;
  }
  state() {
    return new State(++this.#marks.gen);
  }
  // sort the ids of a state, once it has all of its threads
  done(state) {
    state.ids = state.threads.map((n) => n.id).sort((a, b) => a - b);
    if (state.match)
      state.ids.unshift(MATCH.id);
    return state;
  }
  // true the first time that the state walks through the node, so
  // that loops in the graph stop
  #visit(state, node) {
    const { seen } = this.#marks;
    if (seen[node.id] === state.gen)
      return false;
    seen[node.id] = state.gen;
    return true;
  }
  #addThread(state, node) {
    const { has } = this.#marks;
    if (has[node.id] === state.gen)
      return false;
    has[node.id] = state.gen;
    state.threads.push(node);
    return true;
  }
  // wildcards only match a leading dot if `dot:true`. In a negated
  // sub-pattern, this does not apply, because the negation itself
  // can not match a leading dot.
  restricted(i, top) {
    return top && (this.dots || this.dotStart && i === 0);
  }
  add(state, node, i, top) {
    switch (node.t) {
      case "split":
        if (!this.#visit(state, node))
          return;
        for (const o of node.out)
          this.add(state, o, i, top);
        return;
      case "neg":
        if (!this.#visit(state, node))
          return;
        const sub = this.state();
        this.add(sub, node.sub, i, false);
        this.done(sub);
        return this.addRun(state, { t: "run", neg: node, state: sub }, i, top);
      case "star":
        if (this.restricted(i, top))
          return;
        if (this.#addThread(state, node))
          this.add(state, node.next, i, top);
        return;
      case "match":
        state.match = true;
        return;
      default:
        this.#addThread(state, node);
    }
  }
  addRun(state, run, i, top) {
    for (const r of state.runs) {
      if (r.neg === run.neg && sameState(r.state, run.state))
        return;
    }
    state.runs.push(run);
    if (!run.state.match) {
      this.add(state, run.neg.next, i, top);
    }
  }
  // the threads after char `c`, at index `i`
  step(state, c, i, top) {
    const next = this.state();
    for (const th of state.threads) {
      switch (th.t) {
        case "lit":
          if (litMatch(th, c)) {
            this.add(next, th.next, i + 1, top);
          }
          break;
        case "any":
          if (!this.restricted(i, top))
            this.add(next, th.next, i + 1, top);
          break;
        case "class":
          if (!this.restricted(i, top) && th.re.test(c)) {
            this.add(next, th.next, i + 1, top);
          }
          break;
        case "star":
          if (!this.restricted(i, top))
            this.add(next, th, i + 1, top);
      }
    }
    if (!this.restricted(i, top)) {
      for (const run of state.runs) {
        if (run.state.dead) {
          this.addRun(next, run, i + 1, top);
          continue;
        }
        const sub = this.step(run.state, c, i, false);
        this.addRun(next, { t: "run", neg: run.neg, state: sub }, i + 1, top);
      }
    }
    return this.done(next);
  }
};
var stateKey = (state) => {
  const ids = state.ids.join();
  if (!state.runs.length)
    return ids;
  const runs = state.runs.map((r) => `${r.neg.id}(${stateKey(r.state)})`);
  return `${ids}|${runs.sort().join("|")}`;
};
var DFA_BUDGET = 1 << 18;
var Dfa = class {
  #start;
  #states = /* @__PURE__ */ new Map();
  #size = 0;
  #plain;
  #dotStart;
  #sim;
  #dotSim;
  constructor(start, marks2) {
    this.#start = start;
    this.#sim = new Sim(false, false, marks2);
    this.#dotSim = new Sim(false, true, marks2);
  }
  #make(state) {
    return {
      state,
      match: state.match,
      dead: state.dead,
      next: /* @__PURE__ */ new Map()
    };
  }
  #intern(state) {
    const key = stateKey(state);
    const found = this.#states.get(key);
    if (found)
      return found;
    if (this.#size > DFA_BUDGET)
      this.#clear();
    const d = this.#make(state);
    this.#states.set(key, d);
    this.#size += key.length + 1;
    return d;
  }
  #clear() {
    this.#states.clear();
    this.#size = 0;
    this.#plain = void 0;
    this.#dotStart = void 0;
  }
  start(dotStart) {
    if (dotStart) {
      if (this.#dotStart)
        return this.#dotStart;
      const state2 = this.#dotSim.state();
      this.#dotSim.add(state2, this.#start, 0, true);
      return this.#dotStart = this.#make(this.#dotSim.done(state2));
    }
    if (this.#plain)
      return this.#plain;
    const state = this.#sim.state();
    this.#sim.add(state, this.#start, 0, true);
    return this.#plain = this.#intern(this.#sim.done(state));
  }
  // the next state, after a miss in `d.ascii`
  next(d, c) {
    const code = c.charCodeAt(0);
    const found = code < 128 ? void 0 : d.next.get(c);
    if (found)
      return found;
    const n = d === this.#dotStart ? this.#intern(this.#dotSim.step(d.state, c, 0, true)) : this.#intern(this.#sim.step(d.state, c, 1, true));
    if (code < 128) {
      if (!d.ascii) {
        d.ascii = new Array(128);
        this.#size += 128;
      }
      d.ascii[code] = n;
    } else {
      d.next.set(c, n);
    }
    this.#size++;
    return n;
  }
};
var linear = (start) => {
  const nodes = [];
  for (let n = start; n.t !== "match"; n = n.next) {
    if (n.t === "split" || n.t === "neg")
      return void 0;
    nodes.push(n);
  }
  return nodes;
};
var testLinear = (nodes, chars, start, end) => {
  let ni = 0;
  let ci = start;
  let starNi = -1;
  let starCi = 0;
  while (ci < end) {
    const n = nodes[ni];
    if (n?.t === "star") {
      starNi = ni++;
      starCi = ci;
      continue;
    }
    const c = chars[ci];
    if (n && (n.t === "any" || n.t === "lit" && litMatch(n, c) || n.t === "class" && n.re.test(c))) {
      ni++;
      ci++;
      continue;
    }
    if (starNi === -1)
      return false;
    ni = starNi + 1;
    ci = ++starCi;
  }
  while (nodes[ni]?.t === "star")
    ni++;
  return ni === nodes.length;
};
var lengths = (items) => {
  let min = 0;
  let max = 0;
  for (const it of items) {
    const [lo, hi] = itemLengths(it);
    min += lo;
    max += hi;
  }
  return [min, max];
};
var itemLengths = (it) => {
  if (it.t === "star")
    return [0, Infinity];
  if (it.t !== "ext")
    return [1, 1];
  if (it.type === "!")
    return [0, Infinity];
  const alts = it.alts.map(lengths);
  const min = Math.min(...alts.map((a) => a[0]));
  const max = Math.max(...alts.map((a) => a[1]));
  const loop = max === 0 ? 0 : Infinity;
  return it.type === "@" ? [min, max] : it.type === "?" ? [0, max] : it.type === "*" ? [0, loop] : [min, loop];
};
var hasAffix = (lits, chars, start) => {
  for (let j = 0; j < lits.length; j++) {
    if (!litMatch(lits[j], chars[start + j]))
      return false;
  }
  return true;
};
var slashOrSurrogate = /[/\ud800-\udfff]/;
var surrogate = /[\ud800-\udfff]/;
var codePoints = (s) => surrogate.test(s) ? [...s] : s;
var noSlash = (s) => {
  if (s.includes("/")) {
    throw new Error("can only match a single path portion, got: " + s);
  }
};
var Matcher = class {
  pattern;
  options;
  #start;
  // the number of node ids
  #size;
  #marks;
  // the Sim for strings that are only `.` or `..`
  #dotsSim;
  // the string to compare, if the pattern has no magic. With
  // `nocase:true`, the RegExp that folds case is made when it is
  // first used.
  #literal;
  #literalFold = false;
  #literalRe;
  // the nodes between the prefix and suffix, if the graph is a
  // single chain
  #linear;
  // the linear nodes are only `*` and `?`, so the length bounds and
  // the prefix and suffix decide the match
  #wild = false;
  // the least and most chars that a match can have
  #min = 0;
  #max = Infinity;
  // the literals that a match must start and end with. Each one
  // matches exactly one char, and they are distinct items in the
  // pattern, so a string that does not have them can not match.
  #prefix = [];
  #suffix = [];
  // the prefix and suffix as strings, if they do not fold case
  #prefixStr;
  #suffixStr;
  // there is a prefix or suffix to check
  #affix = false;
  #dfa;
  #form;
  constructor(pattern, options = {}) {
    if (pattern.includes("/")) {
      throw new Error("can only match a single path portion, got pattern: " + pattern);
    }
    this.pattern = pattern;
    this.options = options;
    const { nocase = false, noext = false, normalize: n } = options;
    this.#form = n === true ? "NFC" : n || void 0;
    const literal2 = /^[?*+@]\(\)$/.test(pattern);
    const toks = tokenize2(pattern, nocase, noext || literal2, this.#form, options.rangeMark);
    let [items] = build(toks, pair(toks), 0, toks.length, true);
    if (this.#form)
      items = normalize(items, this.#form);
    const [start, size] = compile(items, nocase);
    this.#start = start;
    this.#size = size;
    if (items.every((it) => it.t === "lit")) {
      this.#literal = items.map((it) => it.ch).join("");
      this.#literalFold = nocase;
    } else {
      const lit2 = (it) => it.t !== "lit" ? void 0 : nocase ? { ch: it.ch, re: foldRe(it.ch) } : { ch: it.ch };
      for (const it of items) {
        const l = lit2(it);
        if (!l)
          break;
        this.#prefix.push(l);
      }
      for (let j = items.length - 1; j >= 0; j--) {
        const l = lit2(items[j]);
        if (!l)
          break;
        this.#suffix.unshift(l);
      }
      this.#affix = !!(this.#prefix.length || this.#suffix.length);
      if (!nocase) {
        this.#prefixStr = this.#prefix.map((l) => l.ch).join("");
        this.#suffixStr = this.#suffix.map((l) => l.ch).join("");
      }
      this.#linear = linear(this.#start)?.slice(this.#prefix.length, -this.#suffix.length || void 0);
      this.#wild = !!this.#linear?.every((n2) => n2.t === "star" || n2.t === "any");
      const [min, max] = lengths(items);
      this.#min = min;
      this.#max = max;
    }
  }
  test(s) {
    if (this.#form) {
      noSlash(s);
      return this.#test(s.normalize(this.#form));
    }
    if (slashOrSurrogate.test(s)) {
      noSlash(s);
      return this.#test(s, [...s]);
    }
    return this.#test(s, s);
  }
  /**
   * The same as {@link Matcher#test}, but the string is not checked
   * for `/` chars, so the result for a string that has one is not
   * defined. Only use it for a string that is known to be one path
   * portion, such as a part of a path that was split on `/`. It can
   * be faster, because some patterns do not need to look at each char
   * of the string.
   */
  testUnchecked(s) {
    return this.#test(this.#form ? s.normalize(this.#form) : s);
  }
  // Test a string that has no `/`. `chars` indexes it by code point.
  // If it is not given, it is only found if a step needs it.
  #test(s, chars) {
    if (this.#literal !== void 0) {
      return this.#literalFold ? (this.#literalRe ??= newFoldRe(this.#literal)).test(s) : s === this.#literal;
    }
    const min = this.#min;
    const max = this.#max;
    if (chars === void 0) {
      const most = s.length;
      const least = most + 1 >> 1;
      if (most < min || least > max)
        return false;
      if (least < min || most > max)
        chars = codePoints(s);
    }
    if (chars !== void 0 && (chars.length < min || chars.length > max)) {
      return false;
    }
    const prefix2 = this.#prefix.length;
    if (this.#affix) {
      if (this.#prefixStr !== void 0 && this.#suffixStr !== void 0) {
        if (!s.startsWith(this.#prefixStr) || !s.endsWith(this.#suffixStr)) {
          return false;
        }
      } else {
        chars ??= codePoints(s);
        const end = chars.length - this.#suffix.length;
        if (!hasAffix(this.#prefix, chars, 0) || !hasAffix(this.#suffix, chars, end)) {
          return false;
        }
      }
    }
    const dotStart = !this.options.dot && s.startsWith(".");
    if (this.#linear) {
      if (s === "." || s === "..")
        return false;
      if (dotStart && !prefix2)
        return false;
      if (this.#wild)
        return true;
      chars ??= codePoints(s);
      const end = chars.length - this.#suffix.length;
      return testLinear(this.#linear, chars, prefix2, end);
    }
    chars ??= codePoints(s);
    if (s === "." || s === "..") {
      this.#marks ??= marks(this.#size);
      const sim = this.#dotsSim ??= new Sim(true, false, this.#marks);
      const start = sim.state();
      sim.add(start, this.#start, 0, true);
      let state = sim.done(start);
      for (let i = 0; i < chars.length; i++) {
        state = sim.step(state, chars[i], i, true);
      }
      return state.match;
    }
    this.#marks ??= marks(this.#size);
    const dfa = this.#dfa ??= new Dfa(this.#start, this.#marks);
    let d = dfa.start(dotStart);
    const str = chars === s;
    for (let i = 0; i < chars.length; i++) {
      if (d.dead)
        return false;
      const code = str ? s.charCodeAt(i) : chars[i].charCodeAt(0);
      d = d.ascii?.[code] ?? dfa.next(d, chars[i]);
    }
    return d.match;
  }
  /** a readable listing of the state machine */
  toString() {
    return show(this.#start);
  }
};

// node_modules/minimatch/dist/esm/assert-valid-pattern.js
var MAX_PATTERN_LENGTH = 1024 * 64;
var assertValidPattern = (pattern) => {
  if (typeof pattern !== "string") {
    throw new TypeError("invalid pattern");
  }
  if (pattern.length > MAX_PATTERN_LENGTH) {
    throw new TypeError("pattern is too long");
  }
};

// node_modules/minimatch/dist/esm/escape.js
var escape = (s, { windowsPathsNoEscape = false, magicalBraces = false } = {}) => {
  const e = magicalBraces ? windowsPathsNoEscape ? s.replace(/[?*()[\]{}]/g, "[$&]") : s.replace(/[?*()[\]\\{}]/g, "\\$&") : windowsPathsNoEscape ? s.replace(/[?*()[\]]/g, "[$&]") : s.replace(/[?*()[\]\\]/g, "\\$&");
  const c = e.charAt(0);
  if (c === "#") {
    return (windowsPathsNoEscape ? "[#]" : "\\#") + e.slice(1);
  }
  if (c === "!") {
    return (windowsPathsNoEscape ? "@(!)" : "\\!") + e.slice(1);
  }
  return e;
};

// node_modules/minimatch/dist/esm/unescape.js
var unescape = (s, { windowsPathsNoEscape = false, magicalBraces = true } = {}) => {
  if (windowsPathsNoEscape && s.startsWith("@(!)")) {
    return "!" + unescape(s.slice(4), { windowsPathsNoEscape, magicalBraces });
  }
  if (magicalBraces) {
    return windowsPathsNoEscape ? s.replace(/\[([^/\\])\]/g, "$1") : s.replace(/((?!\\).|^)\[([^/\\])\]/g, "$1$2").replace(/\\([^/])/g, "$1");
  }
  return windowsPathsNoEscape ? s.replace(/\[([^/\\{}])\]/g, "$1") : s.replace(/((?!\\).|^)\[([^/\\{}])\]/g, "$1$2").replace(/\\([^/{}])/g, "$1");
};

// node_modules/minimatch/dist/esm/index.js
var DEFAULT_BRACE_EXPAND_MAX = 1e5;
var DEFAULT_GLOB_STAR_RECURSION_MAX = 200;
var AWE_KEY = "allowWindowsEscape";
var minimatch = (p, pattern, options) => {
  assertValidPattern(pattern);
  if (!options?.nocomment && pattern.charAt(0) === "#") {
    return false;
  }
  return cachedMinimatch(pattern, options).match(p);
};
var cache = /* @__PURE__ */ new Map();
var oldCache = /* @__PURE__ */ new Map();
var cacheSize = 0;
var cacheTotalWeight = 0;
var cacheMax = 256;
var cacheMaxWeight = 1 << 15;
var cacheMaxEntryWeight = 1 << 12;
var cacheWeight = (mm) => {
  let w = mm.pattern.length;
  for (const s of mm.globSet) {
    w += s.length + 1;
    if (w > cacheMaxEntryWeight)
      break;
  }
  return w;
};
var tri = (v) => v === void 0 ? 0 : v ? 2 : 1;
var booleanWeights = new Map(Object.keys({
  nobrace: 0,
  nocomment: 0,
  nonegate: 0,
  noglobstar: 0,
  noext: 0,
  nonull: 0,
  partial: 0,
  dot: 0,
  nocase: 0,
  nocaseMagicOnly: 0,
  magicalBraces: 0,
  matchBase: 0,
  flipNegate: 0,
  preserveMultipleSlashes: 0,
  windowsNoMagicRoot: 0
}).map((k, i) => [k, 24 * 3 ** i]));
var optionsKey = (o) => {
  let n = 0;
  let wpe = false;
  for (const k in o) {
    const v = o[k];
    switch (k) {
      // the same test as the Minimatch constructor
      case "windowsPathsNoEscape":
        if (v)
          wpe = true;
        break;
      case AWE_KEY:
        if (v === false)
          wpe = true;
        break;
      case "platform": {
        const p = v || defaultPlatform;
        if (p === defaultPlatform)
          break;
        if (p === "darwin")
          n += 3;
        else if (p === "win32")
          n += 6;
        else if (p === "linux")
          n += 9;
        else
          return JSON.stringify(o);
        break;
      }
      case "optimizationLevel":
        if (v === void 0)
          break;
        n += v >= 2 ? 1 : v >= 1 ? 0 : 2;
        break;
      case "braceExpandMax":
        if (v !== void 0 && v !== DEFAULT_BRACE_EXPAND_MAX) {
          return JSON.stringify(o);
        }
        break;
      case "maxGlobstarRecursion":
        if (v !== void 0 && v !== DEFAULT_GLOB_STAR_RECURSION_MAX) {
          return JSON.stringify(o);
        }
        break;
      case "normalize":
        if (v !== void 0)
          return JSON.stringify(o);
        break;
      default:
        n += (booleanWeights.get(k) ?? 0) * tri(v);
    }
  }
  return wpe ? n + 12 : n;
};
var copyOptions = (o) => {
  const copy = {};
  for (const k in o)
    copy[k] = o[k];
  return copy;
};
var cachedMinimatch = (pattern, options) => {
  const key = options ? optionsKey(options) : 0;
  let mm = cache.get(key)?.get(pattern);
  if (mm)
    return mm;
  mm = oldCache.get(key)?.get(pattern) ?? new Minimatch(pattern, copyOptions(options));
  const weight = cacheWeight(mm);
  if (weight > cacheMaxEntryWeight)
    return mm;
  if (cacheSize >= cacheMax || cacheTotalWeight + weight > cacheMaxWeight) {
    oldCache = cache;
    cache = /* @__PURE__ */ new Map();
    cacheSize = 0;
    cacheTotalWeight = 0;
  }
  let byPattern = cache.get(key);
  if (!byPattern)
    cache.set(key, byPattern = /* @__PURE__ */ new Map());
  byPattern.set(pattern, mm);
  cacheSize++;
  cacheTotalWeight += weight;
  return mm;
};
var defaultPlatform = typeof process === "object" && process ? process.env?.__MINIMATCH_TESTING_PLATFORM__ || process.platform : "posix";
var path = {
  win32: { sep: "\\" },
  posix: { sep: "/" }
};
var sep3 = defaultPlatform === "win32" ? path.win32.sep : path.posix.sep;
minimatch.sep = sep3;
var GLOBSTAR = /* @__PURE__ */ Symbol("globstar **");
minimatch.GLOBSTAR = GLOBSTAR;
var filter = (pattern, options) => {
  let mm;
  return (p) => (mm ??= cachedMinimatch(pattern, options)).match(p);
};
minimatch.filter = filter;
var ext = (a, b = {}) => Object.assign({}, a, b);
var defaults = (def) => {
  if (!def || typeof def !== "object" || !Object.keys(def).length) {
    return minimatch;
  }
  const orig = minimatch;
  const m = (p, pattern, options = {}) => orig(p, pattern, ext(def, options));
  return Object.assign(m, {
    Minimatch: class Minimatch extends orig.Minimatch {
      constructor(pattern, options = {}) {
        super(pattern, ext(def, options));
      }
      static defaults(options) {
        return orig.defaults(ext(def, options)).Minimatch;
      }
    },
    unescape: (s, options = {}) => orig.unescape(s, ext(def, options)),
    escape: (s, options = {}) => orig.escape(s, ext(def, options)),
    filter: (pattern, options = {}) => orig.filter(pattern, ext(def, options)),
    defaults: (options) => orig.defaults(ext(def, options)),
    braceExpand: (pattern, options = {}) => orig.braceExpand(pattern, ext(def, options)),
    match: (list, pattern, options = {}) => orig.match(list, pattern, ext(def, options)),
    sep: orig.sep,
    GLOBSTAR
  });
};
minimatch.defaults = defaults;
var braceExpand = (pattern, options = {}) => {
  assertValidPattern(pattern);
  if (options.nobrace || !/\{(?:(?!\{).)*\}/.test(pattern)) {
    return [pattern];
  }
  let p = pattern.replace(/\\\\/g, "\\\\\\\\");
  if (options.windowsPathsNoEscape || options[AWE_KEY] === false) {
    p = p.replace(/\[([{}])\]/g, "[\\$1]");
  }
  return expand(p, { max: options.braceExpandMax });
};
minimatch.braceExpand = braceExpand;
var RANGE_MIN = 100;
var rangeRe = /(?<![\\$])\{(-?\d+)\.\.(-?\d+)\}/g;
var inRepeatOrNegExt = (portion, mark) => {
  const stack = [];
  for (let i = 0; i < portion.length; i++) {
    const c = portion.charAt(i);
    if (c === "\\") {
      i++;
    } else if (c === mark) {
      if (stack.some((t) => t !== "@" && t !== "?"))
        return true;
    } else if (portion.charAt(i + 1) === "(" && "!?+*@".includes(c)) {
      stack.push(c);
      i++;
    } else if (c === ")") {
      stack.pop();
    }
  }
  return false;
};
var match = (list, pattern, options = {}) => {
  const mm = new Minimatch(pattern, options);
  list = list.filter((f) => mm.match(f));
  if (mm.options.nonull && !list.length) {
    list.push(pattern);
  }
  return list;
};
minimatch.match = match;
var globMagic = /[?*]|[+@!]\(.*?\)|\[|\]/;
var classEnd = (pattern, start) => {
  let i = start + 1;
  if (pattern.charAt(i) === "!" || pattern.charAt(i) === "^")
    i++;
  let sawStart = false;
  for (; i < pattern.length; i++) {
    const c = pattern.charAt(i);
    if (c === "]" && sawStart)
      return i;
    sawStart = true;
    if (c === "\\")
      i++;
  }
  return -1;
};
var literal = (pattern, noext) => {
  if (!noext && (pattern === "+()" || pattern === "@()"))
    return pattern;
  let lit2 = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charAt(i);
    if (c === "\\") {
      lit2 += pattern.charAt(++i) || c;
    } else if (c === "*" || c === "?") {
      return void 0;
    } else if (c === "[") {
      const close = classEnd(pattern, i);
      if (close === -1) {
        lit2 += c;
        continue;
      }
      let body = pattern.slice(i + 1, close);
      if (body.startsWith("\\"))
        body = body.slice(1);
      if ([...body].length !== 1 || "!^".includes(pattern.charAt(i + 1))) {
        return void 0;
      }
      lit2 += body;
      i = close;
    } else if (!noext && "+@!".includes(c) && pattern.charAt(i + 1) === "(" && pattern.includes(")", i + 2)) {
      return void 0;
    } else {
      lit2 += c;
    }
  }
  return lit2;
};
var MAX_EXTGLOBS = 256;
var extglobCount = (pattern) => {
  let n = 0;
  for (let i = 0; i < pattern.length - 1; i++) {
    const c = pattern.charAt(i);
    if (c === "\\") {
      i++;
    } else if ("+@!?*".includes(c) && pattern.charAt(i + 1) === "(") {
      n++;
      i++;
    }
  }
  return n;
};
var assertValidExtglobs = (pattern) => {
  if (extglobCount(pattern) > MAX_EXTGLOBS) {
    throw new TypeError("pattern has too many extglobs");
  }
};
var extSafe = (pattern) => {
  if (/^[?*+@]\(\)$/.test(pattern) || pattern.includes("[:"))
    return false;
  let depth = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charAt(i);
    if (c === "\\") {
      if (++i === pattern.length)
        return false;
    } else if (c === "[") {
      const close = classEnd(pattern, i);
      if (close !== -1)
        i = close;
    } else if ("+@!?*".includes(c) && pattern.charAt(i + 1) === "(") {
      depth++;
      i++;
    } else if (c === ")") {
      if (!depth--)
        return false;
    } else if (c === "|" && !depth) {
      return false;
    }
  }
  return !depth;
};
var lastSplit;
var lastChecked;
var portionMatch = (p, f) => typeof p === "string" ? f === p : f !== "" && p.testUnchecked(f);
var endIndex = (p, last, lastStart, prev, prevStart) => portionMatch(p, last) ? lastStart : prev !== void 0 && portionMatch(p, prev) ? prevStart : -1;
var isDots = (p) => p === "." || p === "..";
var isDrive = (p) => typeof p === "string" && /^[a-z]:$/i.test(p);
var isLongUNC = (p) => typeof p === "string" && /^unc$/i.test(p);
var uncHost = (p) => {
  if (p[0] !== "" || p[1] !== "")
    return -1;
  const h = p[2] !== "?" ? 2 : isLongUNC(p[3]) ? 4 : -1;
  const host = p[h];
  const share = p[h + 1];
  return h !== -1 && host !== void 0 && host !== "" && host !== GLOBSTAR && share !== void 0 && share !== "" && share !== GLOBSTAR ? h : -1;
};
var walkable = (p, dot) => !isDots(p) && (dot || !p.startsWith("."));
var dotPortion = (f, start, end, dot, sep5) => {
  for (let k = start; k < end; ) {
    if (f.charCodeAt(k) === 46) {
      if (!dot)
        return true;
      const n = f.charCodeAt(k + 1) === 46 ? k + 2 : k + 1;
      if (n >= end || isSep(f.charCodeAt(n), sep5))
        return true;
    }
    const s = nextSep(f, k, sep5);
    if (s === -1)
      return false;
    k = s + 1;
    while (k < end && isSep(f.charCodeAt(k), sep5))
      k++;
  }
  return false;
};
var isSep = (c, sep5) => sep5 === "/" ? c === 47 : sep5 === "\\" ? c === 92 : c === 47 || c === 92;
var nextSep = (f, from, sep5) => {
  if (sep5 !== "both")
    return f.indexOf(sep5, from);
  const s = f.indexOf("/", from);
  const b = f.indexOf("\\", from);
  return s === -1 ? b : b === -1 ? s : Math.min(s, b);
};
var lastSep = (f, from, sep5) => sep5 !== "both" ? f.lastIndexOf(sep5, from) : Math.max(f.lastIndexOf("/", from), f.lastIndexOf("\\", from));
var PENDING = {};
var Minimatch = class {
  options;
  set;
  pattern;
  windowsPathsNoEscape;
  nonegate;
  negate;
  comment;
  empty;
  preserveMultipleSlashes;
  partial;
  globSet;
  globParts;
  nocase;
  isWindows;
  platform;
  windowsNoMagicRoot;
  maxGlobstarRecursion;
  // the path can be checked against the last portion, and the string
  // portions, of each row before it is split. See #canMatch.
  #endCheck;
  #literalCheck;
  // level 2 resolves `.` and `..` portions in the path
  #level2;
  // the unicode normalization form, if any
  #form;
  // the string portions of each row in the set
  #literals = [];
  // the rows that #canMatch can match without splitting the path
  #shapes = [];
  // the rows whose last portion can be checked against the path's
  #endRows = [];
  // brace expansion can make the same portion in many rows, so they
  // share one Matcher, and the states that it caches
  #matchers = /* @__PURE__ */ new Map();
  // parse() returns PENDING in place of a Matcher
  #pending = false;
  // the char that marks numeric ranges in globSet, if any
  #rangeMark;
  // the GlobstarParts of each pattern row, by start index and partial
  #globstarParts = /* @__PURE__ */ new WeakMap();
  constructor(pattern, options = {}) {
    assertValidPattern(pattern);
    options = options || {};
    this.options = options;
    this.maxGlobstarRecursion = options.maxGlobstarRecursion ?? DEFAULT_GLOB_STAR_RECURSION_MAX;
    this.pattern = pattern;
    this.platform = options.platform || defaultPlatform;
    this.isWindows = this.platform === "win32";
    this.windowsPathsNoEscape = !!options.windowsPathsNoEscape || options[AWE_KEY] === false;
    if (this.windowsPathsNoEscape) {
      this.pattern = this.pattern.replace(/\\/g, "/");
    }
    this.preserveMultipleSlashes = !!options.preserveMultipleSlashes;
    this.negate = false;
    this.nonegate = !!options.nonegate;
    this.comment = false;
    this.empty = false;
    this.partial = !!options.partial;
    this.nocase = !!this.options.nocase;
    this.windowsNoMagicRoot = options.windowsNoMagicRoot !== void 0 ? options.windowsNoMagicRoot : !!(this.isWindows && this.nocase);
    this.globSet = [];
    this.globParts = [];
    this.set = [];
    this.#endCheck = !this.preserveMultipleSlashes;
    this.#level2 = (options.optimizationLevel ?? 1) >= 2;
    const n = options.normalize;
    this.#form = n === true ? "NFC" : n || void 0;
    this.make();
    const drives = this.set.map((row) => this.#rootIndex(row));
    this.#endRows = this.set.map((row, r) => this.#endCheck && row.length - 1 > drives[r]);
    this.#literals = this.set.map((row, r) => {
      const end = this.#endRows[r] ? row.length - 1 : row.length;
      const lits = row.slice(drives[r] + 1, end).filter((p) => typeof p === "string" && !!p);
      return [...new Set(lits)];
    });
    this.#literalCheck = this.#literals.some((l) => l.length);
    this.#shapes = this.set.map((row, r) => {
      const [p0, p1, p2] = row;
      if (this.#endRows[r] && row.length === 2) {
        if (p0 === GLOBSTAR && p1 !== GLOBSTAR)
          return "tail";
      }
      if (this.#endRows[r] && options.matchBase && row.length === 1 && p0 !== GLOBSTAR && p0 !== "") {
        return "base";
      }
      if (!this.#endCheck || drives[r] !== -1)
        return void 0;
      if (row.length === 3 && p0 === GLOBSTAR && p2 === GLOBSTAR && p1 !== GLOBSTAR && p1 !== "" && // the portion between is only matched below this limit
      this.maxGlobstarRecursion > 0) {
        return "mid";
      }
      if (row.length === 2 && p1 === GLOBSTAR && p0 !== GLOBSTAR && p0 !== "") {
        return "head";
      }
      return void 0;
    });
  }
  // a string portion of a pattern, normalized if the option is set
  #norm(p) {
    return this.#form ? p.normalize(this.#form) : p;
  }
  // On Windows, the index of the last root portion of a row, as
  // #matchRow finds it: 0 for `c:/...`, 3 for `//?/c:/...` and
  // `//host/share/...`, and 5 for `//?/UNC/host/share/...`. Otherwise
  // -1.
  #rootIndex(row) {
    if (!this.isWindows)
      return -1;
    if (isDrive(row[0]))
      return 0;
    const uncDrive = row[0] === "" && row[1] === "" && row[2] === "?" && isDrive(row[3]);
    if (uncDrive)
      return 3;
    const h = uncHost(row);
    return h === -1 ? -1 : h + 1;
  }
  hasMagic() {
    if (this.options.magicalBraces && this.set.length > 1) {
      return true;
    }
    for (const pattern of this.set) {
      for (const part of pattern) {
        if (typeof part !== "string")
          return true;
      }
    }
    return false;
  }
  make() {
    const pattern = this.pattern;
    const options = this.options;
    if (!options.nocomment && pattern.charAt(0) === "#") {
      this.comment = true;
      return;
    }
    if (!pattern) {
      this.empty = true;
      return;
    }
    this.parseNegate();
    this.globSet = [...new Set(this.#expandBraces())];
    const rawGlobParts = this.globSet.map((s) => this.#slashSplit(s));
    this.globParts = this.preprocess(rawGlobParts);
    this.#pending = true;
    let set = this.globParts.map((s, _, __) => {
      if (this.isWindows && this.windowsNoMagicRoot) {
        const n = s[2] === "?" && isLongUNC(s[3]) ? 6 : 4;
        const isUNC = s[0] === "" && s[1] === "" && (s[2] === "?" || !globMagic.test(s[2])) && s.slice(3, n).every((p) => !globMagic.test(p));
        const isDrive2 = /^[a-z]:/i.test(s[0]);
        if (isUNC) {
          return [
            ...s.slice(0, n).map((p) => this.#norm(p)),
            ...s.slice(n).map((ss) => this.parse(ss))
          ];
        } else if (isDrive2) {
          return [
            this.#norm(s[0]),
            ...s.slice(1).map((ss) => this.parse(ss))
          ];
        }
      }
      return s.map((ss) => this.parse(ss));
    });
    this.set = set.filter((s) => s.indexOf(false) === -1);
    if (this.isWindows) {
      for (let i = 0; i < this.set.length; i++) {
        const p = this.set[i];
        if (p[0] === "" && p[1] === "" && this.globParts[i][2] === "?" && (isDrive(p[3]) || isLongUNC(this.globParts[i][3]))) {
          if (isLongUNC(this.globParts[i][3]))
            p[3] = "UNC";
          p[2] = "?";
        }
      }
    }
    if (!options.noext)
      this.mergeRows();
    this.#pending = false;
    this.set.forEach((row, i) => {
      for (let k = 0; k < row.length; k++) {
        if (row[k] === PENDING) {
          row[k] = this.parse(this.globParts[i][k]);
        }
      }
    });
  }
  // Merge rows that only differ in one portion, where each of them
  // is a Matcher, into one row that matches any of them with
  // `@(a|b|...)`. Then a path is only walked once for all of them,
  // for example with `**/*.{js,ts}`.
  mergeRows() {
    let merged = true;
    while (merged) {
      merged = false;
      if (this.set.length < 2)
        return;
      let keys = this.#mergeKeys();
      const len = Math.max(0, ...this.set.map((r) => r.length));
      for (let k = 0; k < len; k++) {
        const groups = /* @__PURE__ */ new Map();
        const R = this.set.length + 1;
        this.set.forEach((row, i) => {
          if (!(row[k] instanceof Matcher || row[k] === PENDING) || !extSafe(this.globParts[i][k])) {
            return;
          }
          const { pre, suf } = keys[i];
          const key = pre[k] * R + suf[k + 1];
          const g = groups.get(key);
          if (g)
            g.push(i);
          else
            groups.set(key, [i]);
        });
        const drop = /* @__PURE__ */ new Set();
        for (const g of groups.values()) {
          if (g.length < 2)
            continue;
          const [first, ...rest] = g;
          const alts = g.map((i) => this.globParts[i][k]);
          const glob = `@(${alts.join("|")})`;
          if (extglobCount(glob) > MAX_EXTGLOBS)
            continue;
          this.globParts[first][k] = glob;
          this.set[first][k] = this.parse(glob);
          for (const i of rest)
            drop.add(i);
        }
        if (drop.size) {
          merged = true;
          this.set = this.set.filter((_, i) => !drop.has(i));
          this.globParts = this.globParts.filter((_, i) => !drop.has(i));
          if (this.set.length < 2)
            return;
          keys = this.#mergeKeys();
        }
      }
    }
  }
  // For each row, number ids for its prefixes and suffixes, such that
  // pre[k] identifies parts[0..k) and suf[k] identifies parts[k..n).
  // Two rows are the same other than at portion k exactly when they
  // have the same pre[k] and suf[k + 1]. This is linear in the size of
  // the rows, where joining the whole row for every k was quadratic.
  #mergeKeys() {
    const partIds = /* @__PURE__ */ new Map();
    const ids = this.globParts.map((parts) => parts.map((s) => {
      let id = partIds.get(s);
      if (id === void 0)
        partIds.set(s, id = partIds.size);
      return id;
    }));
    const P = partIds.size;
    const len = Math.max(0, ...ids.map((r) => r.length));
    const keys = ids.map((r) => ({
      pre: [0],
      suf: new Array(r.length + 1).fill(0)
    }));
    for (let k = 0; k < len; k++) {
      const m = /* @__PURE__ */ new Map();
      ids.forEach((r, i) => {
        if (k >= r.length)
          return;
        const { pre } = keys[i];
        const key = pre[k] * P + r[k];
        let id = m.get(key);
        if (id === void 0)
          m.set(key, id = m.size + 1);
        pre.push(id);
      });
    }
    for (let k = len - 1; k >= 0; k--) {
      const m = /* @__PURE__ */ new Map();
      ids.forEach((r, i) => {
        if (k >= r.length)
          return;
        const { suf } = keys[i];
        const key = suf[k + 1] * P + r[k];
        let id = m.get(key);
        if (id === void 0)
          m.set(key, id = m.size + 1);
        suf[k] = id;
      });
    }
    return keys;
  }
  // various transforms to equivalent pattern sets that are
  // faster to process in a filesystem walk.  The goal is to
  // eliminate what we can, and push all ** patterns as far
  // to the right as possible, even if it increases the number
  // of patterns that we have to process.
  preprocess(globParts) {
    if (this.options.noglobstar) {
      for (const partset of globParts) {
        for (let j = 0; j < partset.length; j++) {
          if (partset[j] === "**") {
            partset[j] = "*";
          }
        }
      }
    }
    const { optimizationLevel = 1 } = this.options;
    if (optimizationLevel >= 2) {
      globParts = this.firstPhasePreProcess(globParts);
      globParts = this.secondPhasePreProcess(globParts);
    } else if (optimizationLevel >= 1) {
      globParts = this.levelOneOptimize(globParts);
    } else {
      globParts = this.adjascentGlobstarOptimize(globParts);
    }
    return globParts;
  }
  // just get rid of adjascent ** portions
  adjascentGlobstarOptimize(globParts) {
    return globParts.map((parts) => {
      let gs = -1;
      while (-1 !== (gs = parts.indexOf("**", gs + 1))) {
        let i = gs;
        while (parts[i + 1] === "**") {
          i++;
        }
        if (i !== gs) {
          parts.splice(gs, i - gs);
        }
      }
      return parts;
    });
  }
  // get rid of adjascent ** and resolve .. portions
  levelOneOptimize(globParts) {
    return globParts.map((parts) => {
      const root = this.#rootIndex(parts) + 1;
      parts = parts.reduce((set, part) => {
        const prev = set[set.length - 1];
        if (part === "**" && prev === "**") {
          return set;
        }
        if (part === "..") {
          if (set.length > root && prev && prev !== ".." && prev !== "." && prev !== "**") {
            set.pop();
            return set;
          }
        }
        set.push(part);
        return set;
      }, []);
      return parts.length === 0 ? [""] : parts;
    });
  }
  // Check the path against each row before it is split. 'no' if no
  // row can match, so it does not need to be split. 'yes' if a row of
  // `**` and one more portion matches. 'maybe' if it must be split to
  // know. None of this applies with partial, where the path can end
  // before the row does.
  //
  // On Windows, `\` is a separator in the path too, and the portions of
  // a row up to its drive letter or UNC share are not checked (see
  // #rootIndex).
  //
  // Each string portion of a row must be a portion of the path, so the
  // path must contain it. Level 2 can only take portions out of the
  // path, so this is still true then.
  //
  // The last portion of a row must match the last portion of the path,
  // or the one before a trailing `/` (as a/* and a/**/* match a/b/).
  // This does not apply to rows that end in **, rows that end in a
  // root, or preserveMultipleSlashes (which can leave more
  // than one '' at the end). At level 2, it does not apply if that
  // portion is `.` or `..`, which can be
  // resolved away. Level 2 only takes other portions out of the
  // middle of the path.
  //
  // A row of `**/x` then matches if the ** can walk the portions
  // before the one that x matches, the same as #matchGlobstar. At
  // level 2, this is only known if none of them are `.` or `..`, so
  // that the path does not change when it is resolved.
  #canMatch(f) {
    const sep5 = !this.isWindows || !f.includes("\\") ? "/" : f.includes("/") ? "both" : "\\";
    let ends = this.#endCheck ? 0 : -1;
    let last = "";
    let lastStart = 0;
    let prev;
    let prevStart = 0;
    const dot = !!this.options.dot;
    ROWS: for (let r = 0; r < this.set.length; r++) {
      const row = this.set[r];
      const p = row[row.length - 1];
      let end = ends !== -1 && this.#endRows[r] && p !== GLOBSTAR;
      if (end && ends === 0) {
        const i = lastSep(f, f.length, sep5);
        lastStart = i + 1;
        last = f.slice(lastStart);
        if (last === "" && i >= 0) {
          let j = i;
          while (j > 0 && isSep(f.charCodeAt(j - 1), sep5))
            j--;
          prevStart = j === 0 ? 0 : lastSep(f, j - 1, sep5) + 1;
          prev = f.slice(prevStart, j);
        }
        const resolves = this.#level2 && (isDots(last) || last === "" && prev !== void 0 && isDots(prev));
        ends = resolves ? -1 : 1;
        end = !resolves;
      }
      let tailStart = -1;
      if (end && typeof p === "string") {
        tailStart = endIndex(p, last, lastStart, prev, prevStart);
        if (tailStart === -1)
          continue;
      }
      if (this.#literalCheck) {
        for (const l of this.#literals[r]) {
          if (!f.includes(l))
            continue ROWS;
        }
      }
      if (end && typeof p === "object") {
        tailStart = endIndex(p, last, lastStart, prev, prevStart);
        if (tailStart === -1)
          continue;
      }
      const shape = this.#shapes[r];
      if (shape === "base" && end)
        return "yes";
      if (shape === "tail" && end) {
        if (this.#level2 && dotPortion(f, 0, tailStart, true, sep5)) {
          return "maybe";
        }
        if (!dotPortion(f, 0, tailStart, dot, sep5))
          return "yes";
        continue;
      }
      if (shape === "mid" || shape === "head") {
        const m = this.#walk(f, row, shape === "head", dot, sep5);
        if (m !== "no")
          return m;
        continue;
      }
      return "maybe";
    }
    return "no";
  }
  // Match a row of a known shape against the split path, the same as
  // #matchGlobstar and #matchGlobStarBodySections do. None of these
  // rows have a drive letter, so they start at the first portion.
  #matchShape(file, row, shape) {
    const dot = !!this.options.dot;
    const n = file.length;
    if (shape === "head") {
      if (n < 2 || !portionMatch(row[0], file[0])) {
        return false;
      }
      for (let i = 1; i < n; i++)
        if (!walkable(file[i], dot))
          return false;
      return true;
    }
    const x = row[1];
    if (shape === "tail") {
      let t = n - 1;
      if (!portionMatch(x, file[t])) {
        if (file[t] !== "" || n === 1 || !portionMatch(x, file[--t])) {
          return false;
        }
      }
      for (let i = 0; i < t; i++)
        if (!walkable(file[i], dot))
          return false;
      return true;
    }
    for (let k = 0; k < n; k++) {
      if (portionMatch(x, file[k]) && k + 1 < n) {
        let i = k + 1;
        while (i < n && walkable(file[i], dot))
          i++;
        if (i === n)
          return true;
      }
      if (!walkable(file[k], dot))
        return false;
    }
    return false;
  }
  // Match a row of `**/x/**` or `x/**` against the path, the same as
  // #matchGlobstar and #matchGlobStarBodySections do once it is split.
  // x must match a portion (the first one, for `x/**`), the ** before
  // it must be able to walk the portions before that one, and there
  // must be a portion after it, which the ** after it can walk. At
  // level 2, this is only known if no portion is `.` or `..`.
  #walk(f, row, head, dot, sep5) {
    if (this.#level2 && dotPortion(f, 0, f.length, true, sep5))
      return "maybe";
    const x = row[head ? 0 : 1];
    let s = 0;
    for (let e = nextSep(f, s, sep5); e !== -1; e = nextSep(f, s, sep5)) {
      let next = e + 1;
      while (next < f.length && isSep(f.charCodeAt(next), sep5))
        next++;
      const hit = typeof x === "string" ? e - s === x.length && f.startsWith(x, s) : e > s && x.testUnchecked(f.slice(s, e));
      if (hit && !dotPortion(f, next, f.length, dot, sep5))
        return "yes";
      if (head || dotPortion(f, s, next, dot, sep5))
        return "no";
      s = next;
    }
    return "no";
  }
  // the last split, if it was the same path with the same split
  // settings
  #cachedSplit(f) {
    const last = lastSplit;
    return last?.f === f && last.isWindows === this.isWindows && last.preserveMultipleSlashes === this.preserveMultipleSlashes && last.normalize === this.#form ? last : void 0;
  }
  // split a path for match(), and keep the parts for the next call
  #split(f) {
    const { isWindows, preserveMultipleSlashes } = this;
    let parts = this.#slashSplit(isWindows ? f.split("\\").join("/") : f);
    const normalize2 = this.#form;
    if (normalize2)
      parts = parts.map((p) => p.normalize(normalize2));
    lastSplit = {
      f,
      isWindows,
      preserveMultipleSlashes,
      normalize: normalize2,
      parts
    };
    return lastSplit;
  }
  // resolve `.` and `..` portions of a path, for level 2
  #levelTwoFileOptimize(file) {
    const parts = [...file];
    let didSomething = false;
    do {
      didSomething = false;
      if (!this.preserveMultipleSlashes) {
        for (let i = 1; i < parts.length - 1; i++) {
          const p = parts[i];
          if (i === 1 && p === "" && parts[0] === "")
            continue;
          if (p === "." || p === "") {
            didSomething = true;
            parts.splice(i, 1);
            i--;
          }
        }
        if (parts[0] === "." && parts.length === 2 && (parts[1] === "." || parts[1] === "")) {
          didSomething = true;
          parts.pop();
        }
      }
      const root = this.#rootIndex(parts) + 1;
      let dd = root;
      while (-1 !== (dd = parts.indexOf("..", dd + 1))) {
        const p = parts[dd - 1];
        if (p && p !== "." && p !== ".." && p !== "**") {
          didSomething = true;
          parts.splice(dd - 1, 2);
          dd = Math.max(dd - 2, root);
        }
      }
    } while (didSomething);
    return parts.length === 0 ? [""] : parts;
  }
  // First phase: single-pattern processing
  // <pre> is 1 or more portions
  // <rest> is 1 or more portions
  // <p> is any portion other than ., .., '', or **
  // <e> is . or ''
  //
  // **/.. is *brutal* for filesystem walking performance, because
  // it effectively resets the recursive walk each time it occurs,
  // and ** cannot be reduced out by a .. pattern part like a regexp
  // or most strings (other than .., ., and '') can be.
  //
  // <pre>/**/../<p>/<p>/<rest> -> {<pre>/../<p>/<p>/<rest>,<pre>/**/<p>/<p>/<rest>}
  // <pre>/<e>/<rest> -> <pre>/<rest>
  // <pre>/<p>/../<rest> -> <pre>/<rest>
  // **/**/<rest> -> **/<rest>
  //
  // **/*/<rest> -> */**/<rest> <== not valid because ** doesn't follow
  // this WOULD be allowed if ** did follow symlinks, or * didn't
  firstPhasePreProcess(globParts) {
    const { braceExpandMax = DEFAULT_BRACE_EXPAND_MAX } = this.options;
    let splitCells = 0;
    const maxSplitCells = 1e6;
    let didSomething = false;
    do {
      didSomething = false;
      for (let parts of globParts) {
        let gs = -1;
        while (-1 !== (gs = parts.indexOf("**", gs + 1))) {
          let gss = gs;
          while (parts[gss + 1] === "**") {
            gss++;
          }
          if (gss > gs) {
            parts.splice(gs + 1, gss - gs);
          }
          let next = parts[gs + 1];
          const p = parts[gs + 2];
          const p2 = parts[gs + 3];
          if (next !== "..")
            continue;
          if (!p || p === "." || p === ".." || !p2 || p2 === "." || p2 === "..") {
            continue;
          }
          const addedCells = parts.length - 1;
          if (globParts.length >= braceExpandMax || splitCells + addedCells > maxSplitCells) {
            throw new RangeError(`optimizationLevel 2: too many patterns from '**/..'`);
          }
          didSomething = true;
          parts.splice(gs, 1);
          const other = parts.slice(0);
          other[gs] = "**";
          splitCells += addedCells;
          globParts.push(other);
          gs--;
        }
        if (!this.preserveMultipleSlashes) {
          for (let i = 1; i < parts.length - 1; i++) {
            const p = parts[i];
            if (i === 1 && p === "" && parts[0] === "")
              continue;
            if (p === "." || p === "") {
              didSomething = true;
              parts.splice(i, 1);
              i--;
            }
          }
          if (parts[0] === "." && parts.length === 2 && (parts[1] === "." || parts[1] === "")) {
            didSomething = true;
            parts.pop();
          }
        }
        const root = this.#rootIndex(parts) + 1;
        let dd = root;
        while (-1 !== (dd = parts.indexOf("..", dd + 1))) {
          const p = parts[dd - 1];
          if (p && p !== "." && p !== ".." && p !== "**") {
            didSomething = true;
            const needDot = dd === 1 && parts[dd + 1] === "**";
            const splin = needDot ? ["."] : [];
            parts.splice(dd - 1, 2, ...splin);
            if (parts.length === 0)
              parts.push("");
            dd = Math.max(dd - 2, root);
          }
        }
      }
    } while (didSomething);
    return globParts;
  }
  // second phase: multi-pattern dedupes
  // {<pre>/<rest>,<pre>/<rest>} -> <pre>/<rest>
  // {<pre>/*/<rest>,<pre>/<p>/<rest>} -> <pre>/*/<rest>
  secondPhasePreProcess(globParts) {
    const keys = /* @__PURE__ */ new Set();
    const rows = globParts.filter((parts) => {
      const key = parts.join("/");
      if (keys.has(key))
        return false;
      keys.add(key);
      return true;
    });
    const stars = /* @__PURE__ */ new Map();
    for (const parts of rows) {
      const s = [];
      for (let i = 0; i < parts.length; i++) {
        if (parts[i] === "*")
          s.push(i);
      }
      if (s.length)
        stars.set(s.join(","), s);
    }
    if (!stars.size || rows.length * stars.size > 1e5)
      return rows;
    const { dot } = this.options;
    return rows.filter((parts) => {
      for (const s of stars.values()) {
        if (s[s.length - 1] >= parts.length)
          continue;
        const c = [...parts];
        let ok = true;
        let changed = false;
        for (const i of s) {
          const p = parts[i];
          if (p === "*")
            continue;
          if (!p || p === "**" || !dot && p.startsWith(".")) {
            ok = false;
            break;
          }
          c[i] = "*";
          changed = true;
        }
        if (ok && changed && keys.has(c.join("/")))
          return false;
      }
      return true;
    });
  }
  parseNegate() {
    if (this.nonegate)
      return;
    const pattern = this.pattern;
    let negate = false;
    let negateOffset = 0;
    for (let i = 0; i < pattern.length && pattern.charAt(i) === "!"; i++) {
      negate = !negate;
      negateOffset++;
    }
    if (negateOffset)
      this.pattern = pattern.slice(negateOffset);
    this.negate = negate;
  }
  // Match the parts of a path against one row of the set. `resolved`
  // is the parts after level 2 resolves `.` and `..` in them, or the
  // same parts below level 2. Set partial to true to test if, for
  // example, "/a/b" matches the start of "/*/b/*/d". Partial means, if
  // you run out of file before you run out of pattern, then that's
  // fine, as long as all the parts match.
  #matchRow(file, resolved, pattern, partial) {
    let fileStartIndex = 0;
    let patternStartIndex = 0;
    const fh = this.isWindows ? uncHost(resolved) : -1;
    const ph = fh === -1 ? -1 : uncHost(pattern);
    if (ph !== -1) {
      const host = pattern[ph];
      const share = pattern[ph + 1];
      if (typeof host !== "string" || typeof share !== "string") {
        fileStartIndex = fh;
        patternStartIndex = ph;
      } else if (resolved[fh].toLowerCase() === host.toLowerCase() && resolved[fh + 1].toLowerCase() === share.toLowerCase()) {
        fileStartIndex = fh + 2;
        patternStartIndex = ph + 2;
      }
    } else if (this.isWindows) {
      const fileDrive = typeof file[0] === "string" && /^[a-z]:$/i.test(file[0]);
      const fileUNC = !fileDrive && file[0] === "" && file[1] === "" && file[2] === "?" && /^[a-z]:$/i.test(file[3]);
      const patternDrive = typeof pattern[0] === "string" && /^[a-z]:$/i.test(pattern[0]);
      const patternUNC = !patternDrive && pattern[0] === "" && pattern[1] === "" && pattern[2] === "?" && typeof pattern[3] === "string" && /^[a-z]:$/i.test(pattern[3]);
      const fdi = fileUNC ? 3 : fileDrive ? 0 : void 0;
      const pdi = patternUNC ? 3 : patternDrive ? 0 : void 0;
      if (typeof fdi === "number" && typeof pdi === "number") {
        const [fd, pd] = [
          file[fdi],
          pattern[pdi]
        ];
        if (fd.toLowerCase() === pd.toLowerCase()) {
          patternStartIndex = pdi + 1;
          fileStartIndex = fdi + 1;
        }
      }
    }
    file = resolved;
    if (pattern.includes(GLOBSTAR)) {
      return this.#matchGlobstar(file, pattern, partial, fileStartIndex, patternStartIndex);
    }
    return this.#matchOne(file, pattern, partial, fileStartIndex, patternStartIndex);
  }
  #matchGlobstar(file, pattern, partial, fileIndex, patternIndex) {
    const { head, body, tail, segments } = this.#getGlobstarParts(pattern, partial, patternIndex);
    if (head.length) {
      const headEnd = fileIndex + head.length;
      if (!this.#matchOne(file, head, partial, fileIndex, 0, headEnd)) {
        return false;
      }
      fileIndex += head.length;
      patternIndex += head.length;
    }
    let fileTailMatch = 0;
    if (tail.length) {
      if (tail.length + fileIndex > file.length)
        return false;
      let tailStart = file.length - tail.length;
      if (this.#matchOne(file, tail, partial, tailStart, 0)) {
        fileTailMatch = tail.length;
      } else {
        if (file[file.length - 1] !== "" || fileIndex + tail.length === file.length) {
          return false;
        }
        tailStart--;
        if (!this.#matchOne(file, tail, partial, tailStart, 0)) {
          return false;
        }
        fileTailMatch = tail.length + 1;
      }
    }
    if (!body.length) {
      let sawSome = !!fileTailMatch;
      for (let i = fileIndex; i < file.length - fileTailMatch; i++) {
        const f = String(file[i]);
        sawSome = true;
        if (f === "." || f === ".." || !this.options.dot && f.startsWith(".")) {
          return false;
        }
      }
      return partial || sawSome;
    }
    return !!this.#matchGlobStarBodySections(file, segments, file.length - fileTailMatch, fileIndex, 0, partial, 0, !!fileTailMatch, /* @__PURE__ */ new Set());
  }
  // Split the pattern into head, tail, and middle of ** delimited
  // parts. The tail has to be at the end, and the others just have to
  // be found in order from the head. These only depend on the pattern
  // row, so they are kept for the next path.
  #getGlobstarParts(pattern, partial, patternIndex) {
    let byStart = this.#globstarParts.get(pattern);
    if (!byStart) {
      byStart = [];
      this.#globstarParts.set(pattern, byStart);
    }
    const key = patternIndex * 2 + (partial ? 1 : 0);
    const found = byStart[key];
    if (found)
      return found;
    const firstgs = pattern.indexOf(GLOBSTAR, patternIndex);
    const lastgs = pattern.lastIndexOf(GLOBSTAR);
    const head = pattern.slice(patternIndex, firstgs);
    const body = pattern.slice(firstgs + 1, partial ? void 0 : lastgs);
    const tail = partial ? [] : pattern.slice(lastgs + 1);
    const segments = [[[], 0]];
    let current = segments[0];
    let nonGsParts = 0;
    const nonGsPartsSums = [0];
    for (const b of body) {
      if (b === GLOBSTAR) {
        nonGsPartsSums.push(nonGsParts);
        current = [[], 0];
        segments.push(current);
      } else {
        current[0].push(b);
        nonGsParts++;
      }
    }
    segments.forEach((b, i) => {
      b[1] = nonGsParts - nonGsPartsSums[i];
    });
    const parts = { head, body, tail, segments };
    byStart[key] = parts;
    return parts;
  }
  // return false for "nope, not matching"
  // return null for "not matching, cannot keep trying"
  #matchGlobStarBodySections(file, bodySegments, fileLength, fileIndex, bodyIndex, partial, globStarDepth, sawTail, tried) {
    const bs = bodySegments[bodyIndex];
    if (!bs) {
      if (partial) {
        return fileIndex >= fileLength || fileIndex === fileLength - 1 && file[fileIndex] === "";
      }
      for (let i = fileIndex; i < fileLength; i++) {
        sawTail = true;
        const f = file[i];
        if (f === "." || f === ".." || !this.options.dot && f.startsWith(".")) {
          return false;
        }
      }
      return sawTail;
    }
    const [body, need] = bs;
    const after = partial ? fileLength : fileLength - need;
    while (fileIndex <= after) {
      const key = bodyIndex * (file.length + 1) + fileIndex;
      if (tried.has(key))
        return false;
      tried.add(key);
      const m = this.#matchOne(file, body, partial, fileIndex, 0, fileIndex + body.length);
      if (m && globStarDepth < this.maxGlobstarRecursion) {
        const sub = this.#matchGlobStarBodySections(file, bodySegments, fileLength, fileIndex + body.length, bodyIndex + 1, partial, globStarDepth + 1, sawTail, tried);
        if (sub !== false) {
          return sub;
        }
      }
      if (fileIndex === after)
        break;
      const f = file[fileIndex];
      if (f === "." || f === ".." || !this.options.dot && f.startsWith(".")) {
        return false;
      }
      fileIndex++;
    }
    return partial || null;
  }
  #matchOne(file, pattern, partial, fileIndex, patternIndex, fileEnd = file.length) {
    let fi;
    let pi;
    let pl;
    let fl;
    for (fi = fileIndex, pi = patternIndex, fl = Math.min(fileEnd, file.length), pl = pattern.length; fi < fl && pi < pl; fi++, pi++) {
      let p = pattern[pi];
      let f = file[fi];
      if (p === false || p === GLOBSTAR) {
        return false;
      }
      if (!portionMatch(p, f))
        return false;
    }
    if (fi === fl && pi === pl) {
      return true;
    } else if (fi === fl) {
      return partial;
    } else if (pi === pl) {
      return fi === fl - 1 && file[fi] === "";
    } else {
      throw new Error("wtf?");
    }
  }
  braceExpand() {
    return braceExpand(this.pattern, this.options);
  }
  // Expand braces, except numeric ranges such as {0..999} with at
  // least RANGE_MIN values. Each of those stays in its pattern as
  // `<mark>0..999<mark>`, for the Matcher to test. If a range might
  // be inside a [...] class, expand all of them instead.
  #expandBraces() {
    const { pattern } = this;
    if (this.options.nobrace)
      return this.braceExpand();
    let code = 57344;
    while (pattern.includes(String.fromCharCode(code))) {
      if (++code > 63743)
        return this.braceExpand();
    }
    const mark = String.fromCharCode(code);
    let found = false;
    const marked = pattern.replace(rangeRe, (m, lo, hi) => {
      const a = Number(lo);
      const b = Number(hi);
      if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b) || Math.abs(a - b) + 1 < RANGE_MIN) {
        return m;
      }
      found = true;
      return `${mark}${lo}..${hi}${mark}`;
    });
    if (!found)
      return this.braceExpand();
    const set = braceExpand(marked, this.options);
    for (const p of set) {
      for (const portion of p.split("/")) {
        const c = portion.indexOf("[");
        if (c !== -1 && c < portion.lastIndexOf(mark)) {
          return this.braceExpand();
        }
        if (!this.options.noext && inRepeatOrNegExt(portion, mark)) {
          return this.braceExpand();
        }
      }
    }
    this.#rangeMark = mark;
    return set;
  }
  parse(pattern) {
    assertValidPattern(pattern);
    const options = this.options;
    if (pattern === "**")
      return GLOBSTAR;
    if (pattern === "")
      return "";
    const { nocase, nocaseMagicOnly, noext = false, dot, normalize: normalize2 } = options;
    const rangeMark = this.#rangeMark;
    const lit2 = rangeMark && pattern.includes(rangeMark) ? void 0 : literal(pattern, noext);
    if (lit2 !== void 0 && !(nocase && !nocaseMagicOnly && pattern.toUpperCase() !== pattern.toLowerCase())) {
      return this.#norm(lit2);
    }
    if (this.#pending)
      return PENDING;
    let m = this.#matchers.get(pattern);
    if (!m) {
      if (!noext)
        assertValidExtglobs(pattern);
      m = new Matcher(pattern, {
        nocase,
        noext,
        dot,
        normalize: normalize2,
        ...rangeMark && { rangeMark }
      });
      this.#matchers.set(pattern, m);
    }
    return m;
  }
  #slashSplit(p) {
    if (this.preserveMultipleSlashes) {
      return p.split("/");
    } else if (this.isWindows && /^\/\/[^/]+/.test(p)) {
      return ["", ...p.split(/\/+/)];
    } else {
      return p.split(/\/+/);
    }
  }
  match(f, partial = this.partial) {
    if (this.comment) {
      return false;
    }
    if (this.empty) {
      return f === "";
    }
    if (f === "/" && partial) {
      return true;
    }
    const options = this.options;
    let split = this.#cachedSplit(f);
    if (!split) {
      if (!partial && !this.#form && (this.#endCheck || this.#literalCheck) && lastChecked !== f) {
        lastChecked = f;
        const can = this.#canMatch(f);
        if (can === "no")
          return options.flipNegate ? false : this.negate;
        if (can === "yes")
          return options.flipNegate ? true : !this.negate;
      }
      split = this.#split(f);
    }
    const ff = split.parts;
    const resolved = this.#level2 ? split.resolved ??= this.#levelTwoFileOptimize(ff) : ff;
    const set = this.set;
    let filename = ff[ff.length - 1];
    if (!filename) {
      for (let i = ff.length - 2; !filename && i >= 0; i--) {
        filename = ff[i];
      }
    }
    for (let r = 0; r < set.length; r++) {
      const pattern = set[r];
      const shape = partial ? void 0 : this.#shapes[r];
      const hit = shape === "base" ? portionMatch(pattern[0], filename) : shape ? this.#matchShape(resolved, pattern, shape) : options.matchBase && pattern.length === 1 ? this.#matchRow([filename], [filename], pattern, partial) : this.#matchRow(ff, resolved, pattern, partial);
      if (hit) {
        if (options.flipNegate) {
          return true;
        }
        return !this.negate;
      }
    }
    if (options.flipNegate) {
      return false;
    }
    return this.negate;
  }
  static defaults(def) {
    return minimatch.defaults(def).Minimatch;
  }
};
minimatch.Minimatch = Minimatch;
minimatch.escape = escape;
minimatch.unescape = unescape;

// src/core/config/object-patterns.ts
var MATCH_OPTIONS = {
  dot: true,
  nocomment: true,
  nonegate: true,
  preserveMultipleSlashes: true,
  platform: "linux"
};
var KEY_SEGMENTS = 4;
function findPatternProblem(pattern) {
  if (pattern.trim() === "") return "is empty";
  if (/\s/.test(pattern)) return "contains whitespace, which no object key does";
  if (pattern.startsWith("!")) return "starts with '!': negated patterns are not supported";
  for (const alternative of braceExpand(pattern, MATCH_OPTIONS)) {
    const segments = alternative.split("/");
    const fixed2 = segments.filter((segment) => segment !== "**").length;
    if (segments.length === fixed2 && fixed2 !== KEY_SEGMENTS) {
      return `has ${fixed2} segment${fixed2 === 1 ? "" : "s"}, but an object key has four, group/Kind/namespace/name (the core group and the namespace of cluster-scoped objects are empty, e.g. /Namespace//kube-system; ** matches any number)`;
    }
    if (fixed2 > KEY_SEGMENTS) return "has more than four segments besides **, but an object key has four: group/Kind/namespace/name";
  }
  return void 0;
}
var compiledPatterns = /* @__PURE__ */ new Map();
function compilePattern(pattern) {
  const cached = compiledPatterns.get(pattern);
  if (cached) return cached;
  const matchers = [];
  for (const alternative of braceExpand(pattern, MATCH_OPTIONS)) {
    const segments = alternative.split("/");
    if (segments.filter((segment) => segment !== "**").length > KEY_SEGMENTS) continue;
    const stars = segments.flatMap((segment, index) => segment === "*" ? [index] : []);
    for (let mask = 0; mask < 2 ** stars.length; mask++) {
      const variant = segments.map((segment, index) => {
        const bit = stars.indexOf(index);
        return bit !== -1 && mask & 1 << bit ? "" : segment;
      });
      matchers.push(new Minimatch(variant.join("/"), { ...MATCH_OPTIONS, nobrace: true }));
    }
  }
  compiledPatterns.set(pattern, matchers);
  return matchers;
}
function matchesObjectPattern(pattern, id) {
  const key = formatObjectKey(id);
  return compilePattern(pattern).some((matcher) => matcher.match(key));
}
function isIgnoredObject(id, config) {
  return config.ignore.some((pattern) => matchesObjectPattern(pattern, id));
}
function applySeverityOverrides(findings, config) {
  return findings.map((finding) => {
    const override = config.severity.find(
      (candidate) => (candidate.rules === void 0 || candidate.rules.includes(finding.rule)) && matchesObjectPattern(candidate.match, finding.object)
    );
    return override && override.severity !== finding.severity ? { ...finding, severity: override.severity } : finding;
  });
}
function dropIgnoredObjects(set, config) {
  if (config.ignore.length === 0) return set;
  return new Map([...set].filter(([, object]) => !isIgnoredObject(object.id, config)));
}

// src/core/objects/substitute.ts
var SUBSTITUTE_OPT_OUT = { key: "kustomize.toolkit.fluxcd.io/substitute", value: "disabled" };
var VARIABLE_NAME_PATTERN = /^[_a-zA-Z][_a-zA-Z0-9]*$/;
function formatUnsetPlaceholder(name) {
  return `<unset:${name}>`;
}
function isValidVariableName(name) {
  return VARIABLE_NAME_PATTERN.test(name);
}
function isSubstitutionDisabled(body) {
  const metadata = getMetadata(body);
  return [metadata.labels, metadata.annotations].some(
    (map) => isRecord(map) && map[SUBSTITUTE_OPT_OUT.key] === SUBSTITUTE_OPT_OUT.value
  );
}
function shouldSubstitute(variables, options = {}) {
  return options.always === true || Object.keys(variables).length > 0;
}
function substituteObject(body, variables, options = {}) {
  if (isSubstitutionDisabled(body) || !shouldSubstitute(variables, options)) {
    return { body, missing: [], unresolved: [] };
  }
  const substitution = new Substitution(variables);
  const substituted = substituteValue(body, substitution);
  return { body: substituted, ...substitution.report() };
}
function substituteValue(value, substitution) {
  if (typeof value === "string") return substitution.substitute(value);
  if (Array.isArray(value)) return value.map((item) => substituteValue(item, substitution));
  if (isRecord(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [substitution.substitute(key), substituteValue(item, substitution)])
    );
  }
  return value;
}
var DEFAULT_OPERATORS = [":=", ":-", ":?", ":+", "="];
var NAME_CHARACTER = /[\p{L}\p{N}_]/u;
var Substitution = class {
  values = /* @__PURE__ */ new Map();
  missing = /* @__PURE__ */ new Set();
  unresolved = /* @__PURE__ */ new Set();
  constructor(variables) {
    for (const [name, value] of Object.entries(variables)) this.values.set(name, value.replaceAll("\n", ""));
  }
  substitute(text) {
    if (!text.includes("$")) return text;
    let output = "";
    let index = 0;
    while (index < text.length) {
      const dollar = text.indexOf("$", index);
      if (dollar === -1) {
        output += text.slice(index);
        break;
      }
      output += text.slice(index, dollar);
      const next = text[dollar + 1];
      if (next === "$") {
        output += "$";
        index = dollar + 2;
      } else if (next === "{") {
        const parsed = parseExpression(text, dollar);
        if (parsed.kind === "expression") {
          output += this.evaluate(parsed.expression);
        } else {
          const written = text.slice(dollar, parsed.end);
          output += written;
          this.unresolved.add(describeExpression(written));
        }
        index = parsed.end;
      } else {
        output += "$";
        index = dollar + 1;
      }
    }
    return output;
  }
  report() {
    return { missing: [...this.missing].sort(), unresolved: [...this.unresolved].sort() };
  }
  evaluate(expression) {
    const fallback = expression.defaultParts.map((part) => typeof part === "string" ? part : this.evaluate(part)).join("");
    const value = this.values.get(expression.name);
    if (!expression.defaulted) {
      if (value !== void 0) return value;
      this.missing.add(expression.name);
      return formatUnsetPlaceholder(expression.name);
    }
    return value === void 0 || value === "" ? fallback : value;
  }
};
function parseExpression(text, start) {
  const unresolved = () => ({ kind: "unresolved", end: findClosingBrace(text, start) });
  let index = start + 2;
  while (index < text.length && NAME_CHARACTER.test(text[index] ?? "")) index++;
  const name = text.slice(start + 2, index);
  if (!isValidVariableName(name)) return unresolved();
  if (text[index] === "}") return { kind: "expression", expression: { name, defaulted: false, defaultParts: [] }, end: index + 1 };
  const operator = DEFAULT_OPERATORS.find((candidate) => text.startsWith(candidate, index));
  if (operator === void 0) {
    return unresolved();
  }
  index += operator.length;
  const parts = [];
  for (; ; ) {
    const close = text.indexOf("}", index);
    if (close === -1) return unresolved();
    const nested = text.indexOf("${", index);
    if (nested === -1 || nested > close) {
      if (close > index) parts.push(text.slice(index, close));
      return { kind: "expression", expression: { name, defaulted: true, defaultParts: parts }, end: close + 1 };
    }
    if (nested > index) parts.push(text.slice(index, nested));
    const inner = parseExpression(text, nested);
    if (inner.kind !== "expression") return unresolved();
    parts.push(inner.expression);
    index = inner.end;
  }
}
function findClosingBrace(text, start) {
  let depth = 0;
  for (let index = start; index < text.length; index++) {
    if (text.startsWith("${", index)) {
      depth++;
      index++;
    } else if (text[index] === "}" && --depth === 0) {
      return index + 1;
    }
  }
  return text.length;
}
function describeExpression(written) {
  const line = written.split("\n")[0] ?? written;
  return line.length > 80 ? `${line.slice(0, 79)}\u2026` : line;
}

// src/core/config/parse-config.ts
var CONFIG_KEYS = ["failOn", "severity", "ignore", "clusterScoped", "sources", "clusters", "substitute", "mirrors", "remote"];
var CLUSTER_KEYS = ["name", "path", "sources"];
var SOURCE_KEYS = ["kind", "name", "path"];
var REMOTE_KEYS = ["allow"];
var OVERRIDE_KEYS = ["match", "severity", "rules"];
var PATTERN_HINT = "An object pattern: group/Kind/namespace/name";
var DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
var DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
var KIND = /^[A-Z][A-Za-z0-9]*$/;
function parseConfig(text, source) {
  const lineCounter = new import_yaml4.LineCounter();
  const doc = (0, import_yaml4.parseDocument)(text, { lineCounter });
  const yamlError = doc.errors[0];
  if (yamlError) {
    const line = yamlError.linePos?.[0]?.line;
    const reason = yamlError.code === "MULTIPLE_DOCS" ? "the file holds more than one YAML document" : describeYamlError(yamlError.message);
    throw new ConfigError(`${source}${line ? `:${line}` : ""}: malformed YAML: ${reason}`);
  }
  const reader = new ConfigReader(source, lineCounter, doc);
  const root = reader.resolve(doc.contents);
  if (root === null) return EMPTY_CONFIG;
  const entries = reader.readMapping(root, "", CONFIG_KEYS, "a mapping of keys");
  let failOn;
  const failOnEntry = entries.get("failOn");
  if (failOnEntry) {
    const valid = Object.values(FailLevels);
    failOn = reader.readChoice(reader.requireValue(failOnEntry, "failOn", `Valid values: ${valid.join(", ")}`), "failOn", valid);
  }
  return {
    ...failOn ? { failOn } : {},
    severity: reader.readList(entries.get("severity"), "severity", (node, path2) => readOverride(reader, node, path2)),
    ignore: reader.readList(entries.get("ignore"), "ignore", (node, path2) => reader.readPattern(node, path2)),
    clusterScoped: reader.readList(entries.get("clusterScoped"), "clusterScoped", (node, path2) => readGroupKind(reader, node, path2)),
    sources: reader.readList(entries.get("sources"), "sources", (node, path2) => readSourceRef(reader, node, path2)),
    clusters: readClusters(reader, entries.get("clusters")),
    substitute: readSubstitute(reader, entries.get("substitute")),
    mirrors: readMirrors(reader, entries.get("mirrors")),
    remote: readRemote(reader, entries.get("remote"))
  };
}
var ConfigReader = class {
  #source;
  #lineCounter;
  #doc;
  constructor(source, lineCounter, doc) {
    this.#source = source;
    this.#lineCounter = lineCounter;
    this.#doc = doc;
  }
  /** Throws a ConfigError on the line of `node`. */
  fail(node, message) {
    const line = node?.range ? this.#lineCounter.linePos(node.range[0]).line : void 0;
    throw new ConfigError(`${this.#source}${line ? `:${line}` : ""}: ${message}`);
  }
  /** Returns the node an alias points to; null for an absent or null value. */
  resolve(node) {
    const target = (0, import_yaml4.isAlias)(node) ? node.resolve(this.#doc) : node;
    if (target === void 0 || target === null) return null;
    if ((0, import_yaml4.isScalar)(target) && target.value === null) return null;
    return target;
  }
  /** Reads a mapping with string keys, all of them among `known`. `path` is '' at the top. */
  readMapping(node, path2, known, what) {
    if (!(0, import_yaml4.isMap)(node)) this.fail(node, `${path2 || "the file"} must be ${what}, not ${describeNode(node)}`);
    const entries = /* @__PURE__ */ new Map();
    for (const pair2 of node.items) {
      const key = this.resolve(pair2.key);
      const where = path2 ? ` in ${path2}` : "";
      if (!(0, import_yaml4.isScalar)(key) || key.value === null) this.fail(key ?? node, `a key${where} is ${describeNode(key)} (valid keys: ${known.join(", ")})`);
      const name = typeof key.value === "string" ? key.value : key.source ?? String(key.value);
      if (!known.includes(name)) {
        const guess = suggestClosest(name, known);
        this.fail(key, `unknown key '${name}'${where} (${guess ? `did you mean '${guess}'?` : `valid keys: ${known.join(", ")}`})`);
      }
      entries.set(name, { key, value: this.resolve(pair2.value) });
    }
    return entries;
  }
  /**
   * Reads an optional list, each item through `readItem`. A key with no value counts as an
   * empty list: that is what is left when every entry is commented out.
   */
  readList(entry, path2, readItem) {
    if (!entry || entry.value === null) return [];
    const list = entry.value;
    if (!(0, import_yaml4.isSeq)(list)) this.fail(list, `${path2} must be a list, not ${describeNode(list)}`);
    return list.items.map((item, index) => {
      const itemPath = `${path2}[${index}]`;
      const node = this.resolve(item);
      if (node === null) this.fail((0, import_yaml4.isScalar)(item) ? item : list, `${itemPath} is empty`);
      return readItem(node, itemPath);
    });
  }
  /** Reads a non-empty string scalar. */
  readString(node, path2) {
    if (!(0, import_yaml4.isScalar)(node) || typeof node.value !== "string") this.fail(node, `${path2} must be a string, not ${describeNode(node)}`);
    if (node.value.trim() === "") this.fail(node, `${path2} is empty`);
    return node.value;
  }
  /** Returns the value of an entry; a key without one is an error whose message ends in `expected`. */
  requireValue(entry, path2, expected) {
    if (entry.value === null) this.fail(entry.key, `${path2} is empty. ${expected}`);
    return entry.value;
  }
  /** Reads one of `valid`, naming the valid values (and the closest one) when it is not. */
  readChoice(node, path2, valid) {
    if (!(0, import_yaml4.isScalar)(node)) this.fail(node, `${path2} must be one of ${valid.join(", ")}, not ${describeNode(node)}`);
    const value = typeof node.value === "string" ? node.value : node.source ?? String(node.value);
    if (typeof node.value === "string" && valid.includes(value)) return value;
    const guess = suggestClosest(value, valid);
    this.fail(node, `${path2} is set to invalid value '${value}'${guess ? ` (did you mean '${guess}'?)` : ""}. Valid values: ${valid.join(", ")}`);
  }
  /** Reads an object pattern and rejects one that can never match. */
  readPattern(node, path2) {
    if (!(0, import_yaml4.isScalar)(node) || typeof node.value !== "string") {
      this.fail(node, `${path2} must be an object pattern (group/Kind/namespace/name), not ${describeNode(node)}`);
    }
    const problem = findPatternProblem(node.value);
    if (problem) this.fail(node, `${path2}: pattern '${node.value.replace(/\n/g, "\\n")}' ${problem}`);
    return node.value;
  }
};
function readOverride(reader, node, path2) {
  const entries = reader.readMapping(node, path2, OVERRIDE_KEYS, "a mapping with match, severity and optionally rules");
  const match2 = entries.get("match");
  const severity = entries.get("severity");
  if (!match2) reader.fail(node, `${path2} lacks match (an object pattern: group/Kind/namespace/name)`);
  const severities = Object.values(Severities);
  if (!severity) reader.fail(node, `${path2} lacks severity (${severities.join(", ")})`);
  const rules = entries.get("rules");
  const ruleIds = rules ? reader.readList(rules, `${path2}.rules`, (item, itemPath) => reader.readChoice(item, itemPath, Object.values(Rules))) : void 0;
  if (rules && ruleIds?.length === 0) reader.fail(rules.value ?? rules.key, `${path2}.rules is empty; leave it out to override findings of every rule`);
  return {
    match: reader.readPattern(reader.requireValue(match2, `${path2}.match`, PATTERN_HINT), `${path2}.match`),
    severity: reader.readChoice(reader.requireValue(severity, `${path2}.severity`, `Valid values: ${severities.join(", ")}`), `${path2}.severity`, severities),
    ...ruleIds ? { rules: ruleIds } : {}
  };
}
function readGroupKind(reader, node, path2) {
  const value = reader.readString(node, path2);
  const dot = value.indexOf(".");
  const kind = dot === -1 ? value : value.slice(0, dot);
  const group = dot === -1 ? "" : value.slice(dot + 1);
  if (!KIND.test(kind) || group !== "" && !DNS_SUBDOMAIN.test(group)) {
    let hint = "";
    if (value.includes("/")) hint = " (an apiVersion does not belong here)";
    else if (!/^[A-Z]/.test(kind)) hint = " (the Kind as in the CRD's spec.names.kind, not its plural)";
    reader.fail(node, `${path2} is set to invalid value '${value}': write Kind.group, e.g. Tenant.example.com, or Kind for the core group${hint}`);
  }
  return { group, kind };
}
function readSourceRef(reader, node, path2) {
  if (!(0, import_yaml4.isMap)(node)) return { kind: "GitRepository", name: readSourceName(reader, node, path2, "GitRepository") };
  const entries = reader.readMapping(node, path2, SOURCE_KEYS, "namespace/name of a GitRepository, or a mapping with kind, name and optionally path");
  const kind = entries.get("kind");
  const name = entries.get("name");
  if (!kind) reader.fail(node, `${path2} lacks kind (GitRepository or OCIRepository)`);
  if (!name) reader.fail(node, `${path2} lacks name (namespace/name of the source)`);
  const kinds = ["GitRepository", "OCIRepository"];
  const folder = entries.get("path");
  return {
    kind: reader.readChoice(reader.requireValue(kind, `${path2}.kind`, `Valid values: ${kinds.join(", ")}`), `${path2}.kind`, kinds),
    name: readSourceName(reader, reader.requireValue(name, `${path2}.name`, "namespace/name of the source, e.g. flux-system/flux-system"), `${path2}.name`, "source"),
    ...folder ? { path: readFolder(reader, reader.requireValue(folder, `${path2}.path`, "A folder of the repository, e.g. kubernetes"), `${path2}.path`) } : {}
  };
}
function readSourceName(reader, node, path2, what) {
  const value = reader.readString(node, path2);
  const [namespace, name, ...rest] = value.split("/");
  if (rest.length > 0 || !namespace || !name || !DNS_LABEL.test(namespace) || !DNS_SUBDOMAIN.test(name)) {
    reader.fail(node, `${path2} is set to invalid value '${value}': write namespace/name of a Flux ${what}, e.g. flux-system/infra`);
  }
  return value;
}
function readFolder(reader, node, path2) {
  const value = reader.readString(node, path2);
  const parts = value.split("/").filter((part) => part !== "" && part !== ".");
  if (value.startsWith("/") || parts.includes("..") || /[\0\n\\]/.test(value)) {
    reader.fail(node, `${path2} is set to invalid value '${JSON.stringify(value).slice(1, -1)}': a folder inside the repository, e.g. clusters/production`);
  }
  return parts.join("/");
}
function readClusters(reader, entry) {
  const clusters = reader.readList(entry, "clusters", (node, path2) => {
    const entries = reader.readMapping(node, path2, CLUSTER_KEYS, "a mapping with name, path and optionally sources");
    const name = entries.get("name");
    const folder = entries.get("path");
    if (!name) reader.fail(node, `${path2} lacks name (how reports name the cluster, e.g. production)`);
    if (!folder) reader.fail(node, `${path2} lacks path (the folder Flux applies for it, e.g. clusters/production)`);
    const nameValue = reader.readString(reader.requireValue(name, `${path2}.name`, "Name the cluster, e.g. production"), `${path2}.name`);
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(nameValue)) reader.fail(name.value, `${path2}.name is set to invalid value '${nameValue}': letters, digits, '.', '_' and '-', e.g. production`);
    const pathValue = readFolder(reader, reader.requireValue(folder, `${path2}.path`, "A folder of the repository, e.g. clusters/production"), `${path2}.path`);
    const sources = reader.readList(entries.get("sources"), `${path2}.sources`, (item, itemPath) => readSourceRef(reader, item, itemPath));
    return { name: nameValue, path: pathValue, sources, node };
  });
  for (const [index, cluster] of clusters.entries()) {
    if (clusters.findIndex((other) => other.name === cluster.name) !== index) reader.fail(cluster.node, `clusters[${index}].name '${cluster.name}' is used twice`);
  }
  return clusters.map(({ name, path: path2, sources }) => ({ name, path: path2, sources }));
}
function checkMirror(mirror) {
  for (const url of [mirror.from, mirror.to]) {
    if (!/^https?:\/\/[^/\s]+/.test(url) || /\s/.test(url) || !URL.canParse(url)) return `'${hideUserInfo(url)}' is no http(s) URL prefix`;
    const parsed = new URL(url);
    try {
      decodeURIComponent(parsed.username);
      decodeURIComponent(parsed.password);
    } catch {
      return `the user or token of '${hideUserInfo(url)}' is not percent-encoded right`;
    }
    try {
      decodeURIComponent(parsed.pathname);
    } catch {
      return `the path of '${hideUserInfo(url)}' is not percent-encoded right`;
    }
    if (parsed.port === "0") return `'${hideUserInfo(url)}' names port 0`;
  }
  if (mirror.from.endsWith("/") !== mirror.to.endsWith("/")) {
    return `'${hideUserInfo(mirror.from)}' and '${hideUserInfo(mirror.to)}' must both end with '/', or neither`;
  }
  return void 0;
}
function readMirrors(reader, entry) {
  if (!entry || entry.value === null) return [];
  const map = entry.value;
  if (!(0, import_yaml4.isMap)(map)) reader.fail(map, `mirrors must be a mapping of URL prefixes to mirror URL prefixes, not ${describeNode(map)}`);
  return map.items.map((pair2) => {
    const key = reader.resolve(pair2.key);
    const from = key ? reader.readString(key, "mirrors") : "";
    const value = reader.resolve(pair2.value);
    const to = value ? reader.readString(value, `mirrors.${hideUserInfo(from)}`) : "";
    const shownPath = `mirrors.${hideUserInfo(from)}`;
    for (const [node, url, where] of [[key, from, "mirrors key"], [value ?? key, to, shownPath]]) {
      if (!/^https?:\/\/[^/\s]+/.test(url) || /\s/.test(url)) {
        reader.fail(node, `${where} is set to invalid value '${hideUserInfo(JSON.stringify(url).slice(1, -1))}': write an http(s) URL prefix, e.g. https://mirror.example.com/raw/`);
      }
    }
    const problem = checkMirror({ from, to });
    if (problem) reader.fail(value ?? key, `${shownPath}: ${problem}`);
    return { from, to };
  });
}
function readRemote(reader, entry) {
  if (!entry || entry.value === null) return {};
  const entries = reader.readMapping(entry.value, "remote", REMOTE_KEYS, "a mapping with allow (a list of hosts or URL prefixes)");
  const allow = entries.get("allow");
  if (!allow) return {};
  return {
    allow: reader.readList(allow, "remote.allow", (node, path2) => {
      const value = reader.readString(node, path2);
      const problem = findAllowEntryProblem(value);
      if (problem) reader.fail(node, `${path2} is set to invalid value '${hideUserInfo(JSON.stringify(value).slice(1, -1))}': ${problem}`);
      return value;
    })
  };
}
function readSubstitute(reader, entry) {
  if (!entry || entry.value === null) return {};
  const map = entry.value;
  if (!(0, import_yaml4.isMap)(map)) reader.fail(map, `substitute must be a mapping of variable names to values, not ${describeNode(map)}`);
  const values = [];
  for (const pair2 of map.items) {
    const key = reader.resolve(pair2.key);
    if (!(0, import_yaml4.isScalar)(key) || typeof key.value !== "string" || !VARIABLE_NAME_PATTERN.test(key.value)) {
      const shown = (0, import_yaml4.isScalar)(key) ? `'${String(key.source ?? key.value)}'` : describeNode(key);
      reader.fail(key ?? map, `substitute key ${shown} is not a Flux variable name (letters, digits and _, not starting with a digit)`);
    }
    const path2 = `substitute.${key.value}`;
    const value = reader.resolve(pair2.value);
    if (value === null) reader.fail(key, `${path2} has no value; write '' for an empty string`);
    if (!(0, import_yaml4.isScalar)(value)) reader.fail(value, `${path2} must be a string, not ${describeNode(value)}`);
    if (typeof value.value !== "string") {
      reader.fail(value, `${path2} is ${describeNode(value)}; quote it ('${value.source ?? String(value.value)}'): Flux takes only string values`);
    }
    values.push([key.value, value.value]);
  }
  return Object.fromEntries(values);
}
function describeNode(node) {
  if (node === null || node === void 0) return "empty";
  if ((0, import_yaml4.isMap)(node)) return "a mapping";
  if ((0, import_yaml4.isSeq)(node)) return "a list";
  if ((0, import_yaml4.isScalar)(node)) {
    if (node.value === null) return "empty";
    if (typeof node.value === "boolean") return "a boolean";
    if (typeof node.value === "number" || typeof node.value === "bigint") return "a number";
    if (typeof node.value === "string") return "a string";
  }
  return "not a plain value";
}
function suggestClosest(word, candidates) {
  let best;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = measureEditDistance(word.toLowerCase(), candidate.toLowerCase());
    const allowed = Math.max(1, Math.floor(Math.max(word.length, candidate.length) / 3));
    if (distance <= allowed && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
function measureEditDistance(a, b) {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

// src/render/remote-fetch.ts
var MAX_BODY_BYTES = 64 * 1024 * 1024;
var MAX_REDIRECTS = 5;
var REDIRECT_STATUSES = /* @__PURE__ */ new Set([301, 302, 303, 307, 308]);
var lookupAll = async (host) => (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);
var FetchError = class extends RenderError {
  status;
  constructor(message, status) {
    super(message);
    this.name = "FetchError";
    this.status = status;
  }
};
function isMissingFile(error) {
  return error instanceof FetchError && (error.status === 404 || error.status === 410);
}
function applyMirrors(url, mirrors) {
  const mirror = mirrors.find(({ from }) => url.startsWith(from));
  return mirror ? `${mirror.to}${url.slice(mirror.from.length)}` : url;
}
function unapplyMirrors(url, mirrors) {
  const mirror = mirrors.find(({ to }) => url.startsWith(to));
  return mirror ? `${mirror.from}${url.slice(mirror.to.length)}` : url;
}
function parseMirror(value) {
  const index = value.indexOf("=");
  if (index <= 0 || index === value.length - 1) throw new UsageError(`a mirror needs FROM=TO, got '${hideUserInfo(value)}'`);
  const mirror = { from: value.slice(0, index), to: value.slice(index + 1) };
  const problem = checkMirror(mirror);
  if (problem) throw new UsageError(`a mirror needs http(s) URL prefixes on both sides of FROM=TO: ${problem}`);
  return mirror;
}
var sha256 = (text) => createHash2("sha256").update(text).digest("hex");
function findNonManifest(status, contentType, body) {
  if (status === 204 || body.trim() === "") return `an empty answer (HTTP ${status})`;
  if (/text\/html/i.test(contentType) || /^\s*<(!doctype html|html)/i.test(body)) return "an HTML page, not a manifest (a login or error page?)";
  return void 0;
}
function eitherSignal(a, b) {
  const controller = new AbortController();
  const abort = () => controller.abort();
  if (a.aborted || b.aborted) abort();
  a.addEventListener("abort", abort, { once: true });
  b.addEventListener("abort", abort, { once: true });
  return {
    signal: controller.signal,
    release: () => {
      a.removeEventListener("abort", abort);
      b.removeEventListener("abort", abort);
    }
  };
}
async function readBody(response, limit) {
  const declared = Number(response.headers.get("content-length") ?? "0");
  if (declared > limit) throw new BodyTooLarge();
  if (!response.body) return "";
  const decoder = new TextDecoder();
  const parts = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += chunk.byteLength;
    if (size > limit) throw new BodyTooLarge();
    parts.push(decoder.decode(chunk, { stream: true }));
  }
  parts.push(decoder.decode());
  return parts.join("");
}
var BodyTooLarge = class extends Error {
};
function createRemoteFetcher(options = {}) {
  const { cacheDir } = options;
  if (cacheDir && existsSync2(cacheDir) && !statSync2(cacheDir).isDirectory()) throw new UsageError(`the cache directory is not a directory: ${cacheDir}`);
  const memo = /* @__PURE__ */ new Map();
  const fetchImpl = options.fetch ?? fetch;
  const closed = new AbortController();
  const sleep = options.sleep ?? ((ms) => new Promise((done) => {
    const stop = () => {
      clearTimeout(timer);
      done();
    };
    const timer = setTimeout(() => {
      closed.signal.removeEventListener("abort", stop);
      done();
    }, ms);
    closed.signal.addEventListener("abort", stop, { once: true });
  }));
  const timeoutMs = options.timeoutMs ?? 3e4;
  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const retries = options.retries ?? 2;
  const within = timeoutMs < 1e3 ? `${timeoutMs}ms` : `${Math.round(timeoutMs / 1e3)}s`;
  const silent = /* @__PURE__ */ new Map();
  const readCache = (url) => {
    if (!cacheDir) return void 0;
    try {
      const index = join3(cacheDir, "urls", sha256(url));
      if (!existsSync2(index)) return void 0;
      const digest = readFileSync3(index, "utf8").trim();
      const object = join3(cacheDir, "objects", digest);
      if (!existsSync2(object)) return void 0;
      const body = readFileSync3(object, "utf8");
      return sha256(body) === digest && findNonManifest(200, "", body) === void 0 ? body : void 0;
    } catch {
      return void 0;
    }
  };
  const writeAtomically = (path2, text) => {
    const temporary = `${path2}.${process.pid}.${randomBytes2(4).toString("hex")}.tmp`;
    try {
      writeFileSync(temporary, text);
      renameSync(temporary, path2);
    } finally {
      rmSync(temporary, { force: true });
    }
  };
  const writeCache = (url, body) => {
    if (!cacheDir) return;
    try {
      const digest = sha256(body);
      for (const dir of ["urls", "objects"]) mkdirSync(join3(cacheDir, dir), { recursive: true });
      const object = join3(cacheDir, "objects", digest);
      if (!existsSync2(object) || sha256(readFileSync3(object, "utf8")) !== digest) writeAtomically(object, body);
      writeAtomically(join3(cacheDir, "urls", sha256(url)), digest);
    } catch {
    }
  };
  const mirrors = options.mirrors ?? [];
  const offline = options.offline === true;
  const policy = createNetworkPolicy({ mirrors, ...options.allow ? { allow: options.allow } : {}, ...options.alsoAllow ? { alsoAllow: options.alsoAllow } : {} });
  const lookupHost = options.lookup ?? lookupAll;
  const addresses = /* @__PURE__ */ new Map();
  const judge = (url, asWritten, context = "") => {
    const verdict = policy.judge(url);
    if (!verdict.allowed) throw new RemoteDeniedError(describeDenial(asWritten, `${context}${verdict.reason}`, verdict.hint));
    return verdict;
  };
  const checkAddresses = async (verdict, asWritten, context = "") => {
    if (verdict.via !== "default") return;
    const { host } = verdict.target;
    let pending2 = addresses.get(host);
    if (!pending2) {
      pending2 = lookupHost(host).catch(() => []);
      addresses.set(host, pending2);
    }
    for (const address of await pending2) {
      const kind = describeAddress(address);
      if (kind) throw new RemoteDeniedError(describeDenial(asWritten, `${context}${host} resolves to ${address}, ${kind}`, ALLOW_HINT));
    }
  };
  const download = async (url, original, verdict) => {
    const through = url === original ? "" : ` (through the mirror ${redactCredentials(url)})`;
    const fail = (problem, status) => new FetchError(`could not fetch ${redactCredentials(original)}${through}: ${problem}`, status);
    const origin = URL.canParse(url) ? new URL(url).origin : url;
    const checkHost = () => {
      const earlier = silent.get(origin);
      if (earlier) throw fail(`its host left an earlier download of this run unanswered (${earlier})`, void 0);
    };
    await checkAddresses(verdict, original);
    let lastProblem = "";
    let lastStatus;
    const { target, authorization } = splitCredentials(url);
    for (let attempt = 0; attempt <= retries; attempt++) {
      if (attempt > 0) await sleep(250 * 4 ** (attempt - 1));
      checkHost();
      if (closed.signal.aborted) throw fail("cancelled", void 0);
      let response;
      let phase = "answer";
      const { signal, release } = eitherSignal(AbortSignal.timeout(timeoutMs), closed.signal);
      try {
        let current = target;
        for (let hops = 0; ; hops++) {
          const headers = authorization && new URL(current).origin === new URL(target).origin ? { authorization } : {};
          response = await fetchImpl(current, { headers, signal, redirect: "manual" });
          const location = REDIRECT_STATUSES.has(response.status) ? response.headers.get("location") : null;
          if (location === null) break;
          await response.body?.cancel().catch(() => void 0);
          if (hops === MAX_REDIRECTS) throw fail(`more than ${MAX_REDIRECTS} redirects`, response.status);
          const next = URL.canParse(location, current) ? new URL(location, current) : void 0;
          if (!next) throw fail(`HTTP ${response.status} to an unreadable location`, response.status);
          const context = `it redirects to ${showUrl(next.href)}, and `;
          if (next.username !== "" || next.password !== "") throw new RemoteDeniedError(describeDenial(original, `${context}that URL carries credentials`, "fetch it from where it leads"));
          const hop = judge(next.href, original, context);
          if (offline && hop.via !== "mirror") throw new RemoteDeniedError(describeOfflineDenial(original, true));
          await checkAddresses(hop, original, context);
          current = next.href;
        }
        lastStatus = response.status;
        if (!response.ok) {
          lastProblem = `HTTP ${response.status}`;
          await response.body?.cancel().catch(() => void 0);
          if (response.status !== 429 && response.status < 500) break;
          continue;
        }
        phase = "body";
        const body = await readBody(response, maxBodyBytes);
        const problem = findNonManifest(response.status, response.headers.get("content-type") ?? "", body);
        if (problem === void 0) return body;
        lastProblem = problem;
        break;
      } catch (error) {
        if (error instanceof RenderError) throw error;
        if (closed.signal.aborted) throw fail("cancelled", void 0);
        if (error instanceof BodyTooLarge) {
          lastProblem = maxBodyBytes >= 1024 * 1024 ? `larger than ${Math.round(maxBodyBytes / 1024 / 1024)} MiB` : `larger than ${maxBodyBytes} bytes`;
          break;
        }
        const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
        if (phase === "answer") lastStatus = void 0;
        lastProblem = timedOut ? phase === "answer" ? `no answer within ${within}` : `the download did not finish within ${within}` : describeNetworkError(error);
        if (timedOut && phase === "answer") break;
      } finally {
        release();
      }
    }
    if (lastStatus === void 0) silent.set(origin, lastProblem);
    throw fail(lastProblem, lastStatus);
  };
  return {
    fetchText: (original) => {
      const url = applyMirrors(original, mirrors);
      let pending2 = memo.get(url);
      if (!pending2) {
        pending2 = (async () => {
          const verdict = judge(url, original);
          const cached = readCache(url);
          if (cached !== void 0) return cached;
          if (offline && verdict.via !== "mirror") throw new RemoteDeniedError(describeOfflineDenial(original, true));
          const body = await download(url, original, verdict);
          writeCache(url, body);
          return body;
        })();
        memo.set(url, pending2);
      }
      return pending2;
    },
    checkReference: async (url, asWritten = url) => {
      const verdict = judge(url, asWritten);
      if (offline && verdict.via !== "mirror") throw new RemoteDeniedError(describeOfflineDenial(asWritten, false));
      await checkAddresses(verdict, asWritten);
    },
    close: () => closed.abort()
  };
}
function splitCredentials(url) {
  const parsed = URL.canParse(url) ? new URL(url) : void 0;
  if (!parsed || parsed.username === "" && parsed.password === "") return { target: url };
  const credentials = `${decodeURIComponent(parsed.username)}:${decodeURIComponent(parsed.password)}`;
  parsed.username = "";
  parsed.password = "";
  return { target: parsed.toString(), authorization: `Basic ${Buffer.from(credentials).toString("base64")}` };
}
var NETWORK_PROBLEMS = {
  UND_ERR_SOCKET: "the connection closed before the answer was complete",
  UND_ERR_CONNECT_TIMEOUT: "could not connect in time",
  UND_ERR_HEADERS_TIMEOUT: "no answer in time",
  UND_ERR_BODY_TIMEOUT: "the download stalled"
};
function describeNetworkError(error) {
  let innermost = error;
  let code;
  for (let depth = 0; depth < 5 && innermost instanceof Error; depth++) {
    code = innermost.code === void 0 ? code : String(innermost.code);
    const next = innermost.cause;
    if (!(next instanceof Error)) break;
    innermost = next;
  }
  const message = code ? NETWORK_PROBLEMS[code] ?? code : innermost instanceof Error ? innermost.message : String(innermost);
  return redactCredentials(message);
}

// src/app/describe-error.ts
function describeRunError(error) {
  if (!(error instanceof PruneGuardError)) return `prune-guard: unexpected error: ${getErrorMessage(error)}`;
  const hint = error instanceof FetchError && error.status === void 0 ? "; without network access, --mirror FROM=TO fetches it from a copy you host, and --cache-dir reuses earlier downloads" : "";
  return `prune-guard: ${error.message}${hint}`;
}

// src/core/report/mask-secrets.ts
var import_yaml5 = __toESM(require_dist(), 1);
var MIN_MASKED_LENGTH = 6;
function listMaskedForms(values) {
  const forms = /* @__PURE__ */ new Set();
  const addText = (text) => {
    for (const candidate of /* @__PURE__ */ new Set([text, text.trim()])) {
      if (candidate.trim().length < MIN_MASKED_LENGTH) continue;
      forms.add(candidate);
      forms.add(quoteDouble(candidate));
      forms.add(candidate.replaceAll("'", "''"));
      forms.add(JSON.stringify(candidate).slice(1, -1));
      forms.add(candidate.replaceAll("~", "~0").replaceAll("/", "~1"));
    }
  };
  for (const value of values) {
    const stripped = value.replaceAll("\n", "");
    for (const text of /* @__PURE__ */ new Set([value, stripped])) {
      addText(text);
      if (text.trim().length < MIN_MASKED_LENGTH) continue;
      const base64 = Buffer.from(text, "utf8").toString("base64");
      forms.add(base64);
      forms.add(base64.replace(/=+$/, ""));
    }
    if (value.includes("\n")) for (const line of value.split("\n")) addText(line);
  }
  forms.delete("");
  return [...forms].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
}
function createSecretMask(values) {
  const forms = listMaskedForms(values);
  if (forms.length === 0) return { forms, text: (text) => text };
  const pattern = new RegExp(forms.map(escapeRegExp).join("|"), "g");
  return { forms, text: (text) => text.length === 0 ? text : text.replace(pattern, REDACTED) };
}
function maskReport(report, mask) {
  if (mask.forms.length === 0) return report;
  const strings = (value) => maskStrings(value, mask.text, false);
  const { findings, units, fixes, changes, ...rest } = report;
  const { changed, ...otherChanges } = changes;
  return {
    ...strings(rest),
    schemaVersion: report.schemaVersion,
    tool: report.tool,
    failOn: report.failOn,
    blocking: report.blocking,
    summary: report.summary,
    findings: findings.map((finding) => ({ ...strings(finding), rule: finding.rule, severity: finding.severity })),
    units: units.map((unit) => {
      const masked = strings(unit);
      return unit.flux && masked.flux ? { ...masked, flux: { ...masked.flux, verdict: unit.flux.verdict } } : masked;
    }),
    fixes: fixes.map((fix) => ({ ...strings(fix), source: fix.source })),
    changes: {
      ...strings(otherChanges),
      changed: changed.map(({ patch, ...entry }) => ({ ...strings(entry), patch: patch.map((operation) => maskOperation(operation, mask)) }))
    }
  };
}
function maskOperation(operation, mask) {
  return { ...maskStrings(operation, mask.text, true), op: operation.op };
}
function maskStrings(value, text, keys) {
  if (typeof value === "string") return text(value);
  if (Array.isArray(value)) return value.map((item) => maskStrings(item, text, keys));
  if (isRecord(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [keys ? text(key) : key, maskStrings(item, text, keys)])
    );
  }
  return value;
}
function quoteDouble(text) {
  const quoted = (0, import_yaml5.stringify)(text, { defaultStringType: "QUOTE_DOUBLE", lineWidth: 0 }).trimEnd();
  return quoted.startsWith('"') && quoted.endsWith('"') ? quoted.slice(1, -1) : text;
}
function escapeRegExp(text) {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, "\\$&");
}

// src/core/text/compare-text.ts
function compareText(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/core/objects/flux-objects.ts
var FLUX_KUSTOMIZE_GROUP = "kustomize.toolkit.fluxcd.io";
var FLUX_HELM_GROUP = "helm.toolkit.fluxcd.io";
var SUPPORTED_VERSIONS = /* @__PURE__ */ new Set(["v1", "v1beta2", "v1beta1"]);
var DeletionPolicies = {
  mirrorPrune: "MirrorPrune",
  delete: "Delete",
  waitForTermination: "WaitForTermination",
  orphan: "Orphan"
};
function isFluxKustomization(body) {
  return body.kind === "Kustomization" && getApiGroup(String(body.apiVersion)) === FLUX_KUSTOMIZE_GROUP;
}
function isHelmRelease(body) {
  return body.kind === "HelmRelease" && getApiGroup(String(body.apiVersion)) === FLUX_HELM_GROUP;
}
function readFluxKustomization(body) {
  if (!isFluxKustomization(body)) return void 0;
  const apiVersion = String(body.apiVersion);
  if (!SUPPORTED_VERSIONS.has(apiVersion.slice(apiVersion.indexOf("/") + 1))) return void 0;
  const metadata = getMetadata(body);
  const name = String(metadata.name);
  const namespace = typeof metadata.namespace === "string" && metadata.namespace !== "" ? metadata.namespace : "flux-system";
  const spec = isRecord(body.spec) ? body.spec : {};
  const sourceRef = isRecord(spec.sourceRef) ? spec.sourceRef : {};
  const postBuild = isRecord(spec.postBuild) ? spec.postBuild : {};
  const commonMetadata = isRecord(spec.commonMetadata) ? spec.commonMetadata : {};
  const policy = String(spec.deletionPolicy ?? DeletionPolicies.mirrorPrune);
  return {
    key: `${namespace}/${name}`,
    name,
    namespace,
    apiVersion,
    path: normalizeFluxPath(typeof spec.path === "string" ? spec.path : ""),
    prune: spec.prune === true,
    deletionPolicy: Object.values(DeletionPolicies).includes(policy) ? policy : DeletionPolicies.mirrorPrune,
    suspend: spec.suspend === true,
    sourceRef: {
      kind: String(sourceRef.kind ?? "GitRepository"),
      name: String(sourceRef.name ?? ""),
      namespace: typeof sourceRef.namespace === "string" && sourceRef.namespace !== "" ? sourceRef.namespace : namespace
    },
    ...typeof spec.targetNamespace === "string" && spec.targetNamespace !== "" ? { targetNamespace: spec.targetNamespace } : {},
    ...typeof spec.namePrefix === "string" && spec.namePrefix !== "" ? { namePrefix: spec.namePrefix } : {},
    ...typeof spec.nameSuffix === "string" && spec.nameSuffix !== "" ? { nameSuffix: spec.nameSuffix } : {},
    patches: Array.isArray(spec.patches) ? spec.patches : [],
    // The older versions' patch fields; v1 dropped them, so a v1 object never carries them into a build.
    patchesStrategicMerge: !apiVersion.endsWith("/v1") && Array.isArray(spec.patchesStrategicMerge) ? spec.patchesStrategicMerge : [],
    patchesJson6902: !apiVersion.endsWith("/v1") && Array.isArray(spec.patchesJson6902) ? spec.patchesJson6902.filter(isRecord) : [],
    images: Array.isArray(spec.images) ? spec.images.filter(isRecord) : [],
    components: Array.isArray(spec.components) ? spec.components.filter((item) => typeof item === "string") : [],
    commonMetadata: {
      labels: toStringRecord(commonMetadata.labels),
      annotations: toStringRecord(commonMetadata.annotations)
    },
    substitute: toStringRecord(postBuild.substitute),
    substituteFrom: (Array.isArray(postBuild.substituteFrom) ? postBuild.substituteFrom : []).filter(isRecord).map((ref) => ({
      kind: String(ref.kind ?? "ConfigMap"),
      name: String(ref.name ?? ""),
      optional: ref.optional === true
    })),
    dependsOn: (Array.isArray(spec.dependsOn) ? spec.dependsOn : []).filter(isRecord).map((ref) => ({
      name: String(ref.name ?? ""),
      namespace: typeof ref.namespace === "string" && ref.namespace !== "" ? ref.namespace : namespace
    }))
  };
}
function normalizeFluxPath(path2) {
  const parts = path2.split("/").filter((part) => part !== "" && part !== ".");
  return parts.join("/");
}
function deletesInventoryOnDeletion(ks) {
  if (ks.suspend) return false;
  switch (ks.deletionPolicy) {
    case DeletionPolicies.delete:
    case DeletionPolicies.waitForTermination:
      return true;
    case DeletionPolicies.orphan:
      return false;
    default:
      return ks.prune;
  }
}
function readHelmReleaseIdentity(body) {
  const metadata = getMetadata(body);
  const name = String(metadata.name);
  const namespace = typeof metadata.namespace === "string" && metadata.namespace !== "" ? metadata.namespace : "default";
  const spec = isRecord(body.spec) ? body.spec : {};
  const targetNamespace = typeof spec.targetNamespace === "string" && spec.targetNamespace !== "" ? spec.targetNamespace : namespace;
  const chartTemplate = isRecord(spec.chart) && isRecord(spec.chart.spec) ? spec.chart.spec : {};
  const chartRef = isRecord(spec.chartRef) ? spec.chartRef : void 0;
  const defaultRelease = typeof spec.targetNamespace === "string" && spec.targetNamespace !== "" ? `${spec.targetNamespace}-${name}` : name;
  return {
    releaseName: typeof spec.releaseName === "string" && spec.releaseName !== "" ? spec.releaseName : defaultRelease,
    targetNamespace,
    storageNamespace: typeof spec.storageNamespace === "string" && spec.storageNamespace !== "" ? spec.storageNamespace : namespace,
    chart: typeof chartTemplate.chart === "string" ? chartTemplate.chart : chartRef ? `${String(chartRef.kind)}/${String(chartRef.name)}` : ""
  };
}
function toStringRecord(value) {
  if (!isRecord(value)) return {};
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, String(item).replace(/\n/g, "")]));
}

// src/core/objects/scope.ts
var BUILTIN_CLUSTER_SCOPED = {
  "": ["Namespace", "Node", "PersistentVolume", "ComponentStatus"],
  "admissionregistration.k8s.io": [
    "MutatingWebhookConfiguration",
    "ValidatingWebhookConfiguration",
    "ValidatingAdmissionPolicy",
    "ValidatingAdmissionPolicyBinding",
    "MutatingAdmissionPolicy",
    "MutatingAdmissionPolicyBinding"
  ],
  "apiextensions.k8s.io": ["CustomResourceDefinition"],
  "apiregistration.k8s.io": ["APIService"],
  "internal.apiserver.k8s.io": ["StorageVersion"],
  "certificates.k8s.io": ["CertificateSigningRequest", "ClusterTrustBundle"],
  "flowcontrol.apiserver.k8s.io": ["FlowSchema", "PriorityLevelConfiguration"],
  "networking.k8s.io": ["IngressClass", "IPAddress", "ServiceCIDR"],
  "node.k8s.io": ["RuntimeClass"],
  "rbac.authorization.k8s.io": ["ClusterRole", "ClusterRoleBinding"],
  "resource.k8s.io": ["DeviceClass", "ResourceSlice", "DeviceTaintRule", "ResourceClass", "ResourcePoolStatusRequest"],
  "scheduling.k8s.io": ["PriorityClass"],
  "storage.k8s.io": ["StorageClass", "CSIDriver", "CSINode", "VolumeAttachment", "VolumeAttributesClass"],
  "storagemigration.k8s.io": ["StorageVersionMigration"],
  "authentication.k8s.io": ["TokenReview", "SelfSubjectReview"],
  "authorization.k8s.io": ["SubjectAccessReview", "SelfSubjectAccessReview", "SelfSubjectRulesReview"],
  // Removed from the API in 1.25 but still found in old manifests (Calico <= 3.28 ships one).
  policy: ["PodSecurityPolicy"]
};
var BUILTIN_API_GROUPS = /* @__PURE__ */ new Set([
  ...Object.keys(BUILTIN_CLUSTER_SCOPED),
  "apps",
  "autoscaling",
  "batch",
  "coordination.k8s.io",
  "discovery.k8s.io",
  "events.k8s.io",
  "extensions"
]);
var FLUX_API_GROUPS = /* @__PURE__ */ new Set([
  "fluxcd.controlplane.io",
  "helm.toolkit.fluxcd.io",
  "image.toolkit.fluxcd.io",
  "kustomize.toolkit.fluxcd.io",
  "notification.toolkit.fluxcd.io",
  "source.extensions.fluxcd.io",
  "source.toolkit.fluxcd.io"
]);
function formatGroupKind({ group, kind }) {
  return group === "" ? kind : `${kind}.${group}`;
}
function createScopeResolver(crdScopes, extraClusterScoped = []) {
  const cluster = /* @__PURE__ */ new Set();
  const namespaced = /* @__PURE__ */ new Set();
  for (const [group, kinds] of Object.entries(BUILTIN_CLUSTER_SCOPED)) {
    for (const kind of kinds) cluster.add(formatGroupKind({ group, kind }));
  }
  for (const groupKind of extraClusterScoped) cluster.add(formatGroupKind(groupKind));
  for (const { groupKind, clusterScoped } of crdScopes) {
    (clusterScoped ? cluster : namespaced).add(formatGroupKind(groupKind));
  }
  return {
    getScope: (groupKind) => {
      const key = formatGroupKind(groupKind);
      if (cluster.has(key)) return "cluster";
      if (namespaced.has(key) || BUILTIN_API_GROUPS.has(groupKind.group) || FLUX_API_GROUPS.has(groupKind.group)) return "namespaced";
      return "unknown";
    }
  };
}

// src/core/rules/removal-rules.ts
var REMOVAL_SEVERITY = {
  "CustomResourceDefinition.apiextensions.k8s.io": { rule: Rules.crdRemoved, severity: "error" },
  Namespace: { rule: Rules.namespaceRemoved, severity: "error" },
  PersistentVolumeClaim: { rule: Rules.dataRemoved, severity: "warning" },
  PersistentVolume: { rule: Rules.dataRemoved, severity: "warning" },
  "StatefulSet.apps": { rule: Rules.dataRemoved, severity: "warning" }
};
var CLUSTER_SCOPED_REMOVAL = { rule: Rules.clusterScopedRemoved, severity: "warning" };
var NAMESPACED_REMOVAL = { rule: Rules.objectRemoved, severity: "notice" };
var REMOVAL_RULE_IDS = /* @__PURE__ */ new Set([
  ...[...Object.values(REMOVAL_SEVERITY), CLUSTER_SCOPED_REMOVAL, NAMESPACED_REMOVAL].map((removal) => removal.rule),
  Rules.apiGroupChanged
]);
var MESSAGE_LIST_LIMIT = 5;
function classifyRemoval(object) {
  return REMOVAL_SEVERITY[formatGroupKind(object.id)] ?? (object.scope === "cluster" ? CLUSTER_SCOPED_REMOVAL : NAMESPACED_REMOVAL);
}
function evaluateRules(input) {
  const context = createContext(input);
  const findings = [];
  for (const { unit, diff } of input.units) {
    const regrouped = pairGroupChanges(diff);
    for (const object of diff.removed) {
      const successor = regrouped.get(object);
      findings.push(successor ? describeGroupChange(unit, object, successor) : describeRemoval(unit, object, context));
    }
  }
  findings.push(...findMissingCrds(context));
  return findings.sort(compareFindings);
}
function createContext(input) {
  const collect = (side) => input.units.flatMap((unit) => [...unit[side].values()].map((object) => ({ unit: unit.unit, object })));
  const index = (objects) => {
    const crds = /* @__PURE__ */ new Map();
    for (const { object } of objects) {
      const names = readCrdNames(object.body);
      if (names) crds.set(formatGroupKind(names), object);
    }
    return crds;
  };
  const before = collect("before");
  const after = collect("after");
  return { before, after, crdsBefore: index(before), crdsAfter: index(after) };
}
function toRef(object) {
  return { ...object.id, apiVersion: object.apiVersion };
}
function describeRemoval(unit, object, context) {
  const { rule, severity } = classifyRemoval(object);
  const base = { rule, severity, unit, object: toRef(object), ...object.provenance ? { provenance: object.provenance } : {} };
  const ref = formatObjectRef(object.id);
  switch (rule) {
    case Rules.crdRemoved: {
      const names = readCrdNames(object.body);
      const kind = names ? names.kind : "custom resource";
      const cascade = names ? context.before.filter(({ object: other }) => other.id.group === names.group && other.id.kind === names.kind) : [];
      const refs = uniqueSorted(cascade.map(({ object: other }) => formatObjectRef(other.id)));
      const which = refs.length > 0 ? `, including ${listRefs(refs)}` : " (none is in the rendered manifests; any made in the cluster are lost)";
      return { ...base, cascade: refs, message: `${ref} is pruned: the API server deletes every ${kind} with it${which}` };
    }
    case Rules.namespaceRemoved: {
      const refs = uniqueSorted(
        context.before.filter(({ object: other }) => other.id.namespace === object.id.name).map(({ object: other }) => formatObjectRef(other.id))
      );
      const which = refs.length > 0 ? `, including ${listRefs(refs)}` : " (nothing else rendered lives in it)";
      return { ...base, cascade: refs, message: `${ref} is pruned: the API server deletes everything in it${which}` };
    }
    case Rules.dataRemoved:
      return {
        ...base,
        message: object.id.kind === "StatefulSet" ? `${ref} is pruned: its pods are deleted, and its volume claims with them when its retention policy says Delete` : `${ref} is pruned: the volume behind it is deleted when its reclaim policy is Delete`
      };
    case Rules.clusterScopedRemoved:
      return { ...base, message: `${ref} is pruned (cluster-scoped)` };
    default:
      return { ...base, message: `${ref} is pruned` };
  }
}
function uniqueSorted(values) {
  return [...new Set(values)].sort();
}
function listRefs(refs) {
  if (refs.length <= MESSAGE_LIST_LIMIT) return refs.join(", ");
  return `${refs.slice(0, MESSAGE_LIST_LIMIT).join(", ")} and ${refs.length - MESSAGE_LIST_LIMIT} more`;
}
function pairGroupChanges(diff) {
  const addedByName = /* @__PURE__ */ new Map();
  for (const object of diff.added) {
    const key = `${object.id.kind}/${object.id.namespace}/${object.id.name}`;
    addedByName.set(key, [...addedByName.get(key) ?? [], object]);
  }
  const pairs = /* @__PURE__ */ new Map();
  for (const object of diff.removed) {
    const candidates = addedByName.get(`${object.id.kind}/${object.id.namespace}/${object.id.name}`) ?? [];
    const successor = candidates.find((candidate) => candidate.id.group !== object.id.group);
    if (successor) pairs.set(object, successor);
  }
  return pairs;
}
function describeGroupChange(unit, object, successor) {
  const removal = classifyRemoval(object);
  const from = object.id.group || "core";
  const to = successor.id.group || "core";
  return {
    rule: Rules.apiGroupChanged,
    // A group change never makes a removal less serious than the removal itself.
    severity: removal.severity === "error" ? "error" : "warning",
    unit,
    object: toRef(object),
    ...object.provenance ? { provenance: object.provenance } : {},
    message: `${formatObjectRef(object.id)} moves from API group ${from} to ${to}: Flux applies the new object, then prunes the old identity, so it is deleted and recreated`
  };
}
function findMissingCrds(context) {
  const { crdsBefore, crdsAfter } = context;
  const removedCrds = /* @__PURE__ */ new Map();
  const groupsLosingCrds = /* @__PURE__ */ new Set();
  for (const [groupKind, crd] of crdsBefore) {
    if (crdsAfter.has(groupKind)) continue;
    removedCrds.set(groupKind, crd);
    const names = readCrdNames(crd.body);
    if (names) groupsLosingCrds.add(names.group);
  }
  if (removedCrds.size === 0) return [];
  const findings = [];
  for (const { unit, object } of context.after) {
    const groupKind = formatGroupKind(object.id);
    if (crdsAfter.has(groupKind)) continue;
    const removedCrd = removedCrds.get(groupKind);
    const ref = formatObjectRef(object.id);
    let message;
    if (removedCrd) {
      message = `${ref} is still rendered, but this change prunes its CustomResourceDefinition ${removedCrd.id.name}: the API server deletes it, and applying it fails`;
    } else if (groupsLosingCrds.has(object.id.group)) {
      message = `${ref} has no CustomResourceDefinition in the render, and this change prunes the CRDs of its API group ${object.id.group}: applying it fails`;
    } else {
      continue;
    }
    findings.push({
      rule: Rules.crdMissing,
      severity: "error",
      unit,
      object: toRef(object),
      ...object.provenance ? { provenance: object.provenance } : {},
      message
    });
  }
  return findings;
}

// src/core/rules/kustomization-rules.ts
var PRUNE_OPT_OUTS = {
  "kustomize.toolkit.fluxcd.io/prune": "disabled",
  "kustomize.toolkit.fluxcd.io/reconcile": "disabled",
  "kustomize.toolkit.fluxcd.io/ssa": "ignore"
};
function findPruneOptOut(body) {
  const metadata = getMetadata(body);
  for (const field of ["labels", "annotations"]) {
    const values = metadata[field];
    if (!isRecord(values)) continue;
    for (const [key, expected] of Object.entries(PRUNE_OPT_OUTS)) {
      const value = values[key];
      if (typeof value === "string" && value.toLowerCase() === expected) return `${key}: ${value}`;
    }
  }
  return void 0;
}
function findRemovedKustomizationObject(parent, ks, context) {
  return context.units.get(parent)?.diff.removed.find((candidate) => isFluxKustomization(candidate.body) && candidate.id.namespace === ks.namespace && candidate.id.name === ks.name);
}
function isDeletedWithItsInventory(unitName, context, visiting) {
  const owner = context.owners.get(unitName);
  const ks = owner?.before;
  if (!owner || !ks || owner.after || !owner.parentBefore || visiting.has(unitName)) return false;
  visiting.add(unitName);
  const parent = context.owners.get(owner.parentBefore);
  const declared = findRemovedKustomizationObject(owner.parentBefore, ks, context);
  if (declared && findPruneOptOut(declared.body)) return false;
  const parentDeletes = parent?.after ? parent.after.prune : isDeletedWithItsInventory(owner.parentBefore, context, visiting);
  return parentDeletes && deletesInventoryOnDeletion(ks);
}
function describeRemovedKustomization(unitName, context) {
  const owner = context.owners.get(unitName);
  const ks = owner?.before;
  if (!owner || !ks) return void 0;
  const unit = context.units.get(unitName);
  const object = { group: "kustomize.toolkit.fluxcd.io", kind: "Kustomization", namespace: ks.namespace, name: ks.name, apiVersion: ks.apiVersion };
  const ref = `Kustomization/${ks.key}`;
  const declared = owner.parentBefore ? findRemovedKustomizationObject(owner.parentBefore, ks, context) : void 0;
  const base = { unit: unitName, object, ...declared?.provenance ? { provenance: declared.provenance } : {} };
  const renamedTo = [...context.owners.entries()].find(([name, other]) => name !== unitName && !other.before && other.after?.path === ks.path)?.[0];
  const rename = renamedTo ? ` It comes back as ${renamedTo}, which applies everything again, empty.` : "";
  if (owner.parentBefore) {
    const parent = context.owners.get(owner.parentBefore);
    if (parent?.after && !parent.after.prune) {
      return { ...base, rule: Rules.kustomizationRemoved, severity: "notice", message: `${ref} leaves the render of ${owner.parentBefore}, which has prune: false: Flux leaves it in the cluster, where it goes on applying its path` };
    }
    const optOut = declared ? findPruneOptOut(declared.body) : void 0;
    if (optOut) {
      return { ...base, rule: Rules.pruneProtected, severity: "notice", message: `${ref} leaves the render of ${owner.parentBefore}, but Flux keeps it in the cluster (${optOut}), with everything it applied` };
    }
    if (!parent?.after && !isDeletedWithItsInventory(owner.parentBefore, context, /* @__PURE__ */ new Set([unitName]))) {
      return { ...base, rule: Rules.kustomizationRemoved, severity: "notice", message: `${ref} goes with ${owner.parentBefore}, which is removed without deleting what it applied: it stays in the cluster, with everything it applied` };
    }
  } else {
    const where = owner.declaredInBefore ? ` (declared in ${owner.declaredInBefore})` : "";
    return { ...base, rule: Rules.kustomizationRemoved, severity: "notice", message: `${ref}${where} is not applied by any Kustomization in this source, so removing it deletes nothing in the cluster; deleting it there by hand deletes what it applied when its deletionPolicy says so` };
  }
  if (ks.suspend) {
    return { ...base, rule: Rules.kustomizationRemoved, severity: "notice", message: `${ref} is deleted, but it is suspended: Flux deletes nothing it applied` };
  }
  if (!deletesInventoryOnDeletion(ks)) {
    const why = ks.deletionPolicy === "Orphan" ? "deletionPolicy: Orphan" : "prune: false";
    return { ...base, rule: Rules.kustomizationRemoved, severity: "notice", message: `${ref} is deleted; with ${why}, Flux leaves everything it applied in the cluster, unmanaged` };
  }
  if (owner.skippedBefore) {
    return { ...base, rule: Rules.kustomizationRemoved, severity: "warning", message: `${ref} is deleted and Flux deletes everything it applied, which prune-guard cannot list: ${owner.skippedBefore}` };
  }
  const inventory = [...unit?.before.values() ?? []].filter((candidate) => !findPruneOptOut(candidate.body));
  const crds = inventory.filter((candidate) => candidate.id.kind === "CustomResourceDefinition");
  const namespaces = inventory.filter((candidate) => candidate.id.group === "" && candidate.id.kind === "Namespace");
  const refs = inventory.map((candidate) => formatObjectRef(candidate.id)).sort();
  const severe = [...crds, ...namespaces].map((candidate) => formatObjectRef(candidate.id)).sort();
  const counts = `${inventory.length} ${inventory.length === 1 ? "object" : "objects"}`;
  const policy = ks.deletionPolicy === "MirrorPrune" ? "prune: true" : `deletionPolicy: ${ks.deletionPolicy}`;
  return {
    ...base,
    rule: Rules.kustomizationRemoved,
    severity: severe.length > 0 ? "error" : "warning",
    cascade: refs,
    message: `${ref} is pruned, and with ${policy} its finalizer deletes everything it applied: ${counts}` + (severe.length > 0 ? `, including ${severe.slice(0, 5).join(", ")}${severe.length > 5 ? ` and ${severe.length - 5} more` : ""}, and with them ${describeCascadeScope(crds.length, namespaces.length)}` : "") + `.${describeUninstalls(inventory)}${rename}`
  };
}
var NAMED_RELEASES = 5;
function describeUninstalls(objects) {
  const releases = objects.filter((object) => isHelmRelease(object.body)).map((object) => formatObjectRef(object.id)).sort();
  if (releases.length === 0) return "";
  const more = releases.length > NAMED_RELEASES ? ` and ${releases.length - NAMED_RELEASES} more` : "";
  return ` helm-controller uninstalls ${releases.slice(0, NAMED_RELEASES).join(", ")}${more}: everything ${releases.length === 1 ? "it" : "each"} installed goes too.`;
}
function describeCascadeScope(crds, namespaces) {
  const parts = [
    crds > 0 ? `every custom resource of ${crds === 1 ? "that CRD" : "those CRDs"}` : "",
    namespaces > 0 ? `everything in ${namespaces === 1 ? "that Namespace" : "those Namespaces"}` : ""
  ].filter(Boolean);
  return parts.join(" and ");
}
function describeKustomizationChanges(context) {
  const findings = [];
  for (const [unit, owner] of context.owners) {
    const ks = owner.after ?? owner.before;
    if (!ks) continue;
    const object = { group: "kustomize.toolkit.fluxcd.io", kind: "Kustomization", namespace: ks.namespace, name: ks.name, apiVersion: ks.apiVersion };
    if (owner.after && owner.failedAfter) {
      findings.push({
        rule: Rules.buildFailed,
        severity: "error",
        unit,
        object,
        message: `Kustomization/${ks.key} does not build after this change: Flux fails to reconcile it, and nothing in it is judged here: ${owner.failedAfter}`
      });
    } else if (owner.after && owner.skippedAfter) {
      findings.push({ rule: Rules.kustomizationNotRendered, severity: "notice", unit, object, message: `Kustomization/${ks.key} is not rendered: ${owner.skippedAfter}` });
    }
    if (owner.after && owner.failedBefore && !owner.failedAfter) {
      findings.push({
        rule: Rules.buildFailed,
        severity: "notice",
        unit,
        object,
        message: `Kustomization/${ks.key} does not build before this change, which fixes it; nothing in it is judged here: ${owner.failedBefore}`
      });
    }
    if (owner.missingVariables.length > 0) {
      findings.push({
        rule: Rules.variableMissing,
        severity: "notice",
        unit,
        object,
        message: `Kustomization/${ks.key} uses ${owner.missingVariables.map((name) => `\${${name}}`).join(", ")} with no value and no default; Flux fails the build unless the cluster provides it (set it under substitute in .prune-guard.yaml)`
      });
    }
    const { before, after } = owner;
    if (!before || !after) continue;
    const fields = ["path", "targetNamespace", "namePrefix", "nameSuffix"].filter((field) => (before[field] ?? "") !== (after[field] ?? ""));
    const changes = fields.map((field) => `${field} ${JSON.stringify(before[field] ?? "")} -> ${JSON.stringify(after[field] ?? "")}`);
    if (changes.length === 0) continue;
    const diff = context.units.get(unit)?.diff;
    if (!diff || diff.added.length === 0 && diff.removed.length === 0) continue;
    findings.push({
      rule: Rules.kustomizationSpecChanged,
      severity: "notice",
      unit,
      object,
      // Only a namespace, prefix or suffix gives the same objects new identities; a path just renders other objects.
      message: `Kustomization/${ks.key} changes ${changes.join(", ")}: Flux creates ${diff.added.length} and then prunes ${diff.removed.length} objects${fields.some((field) => field !== "path") ? ", a delete and recreate for each that only changes identity" : " that are new or gone there; what it renders on both paths is updated in place"}`
    });
  }
  return findings;
}

// src/core/rules/flux-rules.ts
var MOVE_ERROR_KINDS = /* @__PURE__ */ new Set(["CustomResourceDefinition", "Namespace", "PersistentVolumeClaim"]);
function applyFluxSemantics(findings, units, owners) {
  const context = {
    units: new Map(units.map((unit) => [unit.unit, unit])),
    owners,
    failingApply: new Set(findings.filter((finding) => finding.rule === Rules.crdMissing).map((finding) => finding.unit)),
    addedByKey: indexAddedObjects(units)
  };
  const removedKustomizations = /* @__PURE__ */ new Set();
  for (const [unit, owner] of owners) if (owner.before && !owner.after) removedKustomizations.add(unit);
  const result = [];
  for (const finding of findings) {
    if (!REMOVAL_RULE_IDS.has(finding.rule)) {
      result.push(finding);
      continue;
    }
    if (removedKustomizations.has(finding.unit)) continue;
    if (finding.object.group === "kustomize.toolkit.fluxcd.io" && finding.object.kind === "Kustomization" && removedKustomizations.has(`${finding.object.namespace}/${finding.object.name}`)) continue;
    const rewritten = rewriteRemoval(finding, context);
    if (rewritten) result.push(rewritten);
  }
  for (const unit of removedKustomizations) {
    const finding = describeRemovedKustomization(unit, context);
    if (finding) result.push(finding);
  }
  result.push(...describeKustomizationChanges(context), ...describeReinstalledHelmReleases(units));
  return escalateReleasesInDeletedNamespaces(dropCrdMissingWhereCrdStays(result, units), context);
}
function collectDeleted(findings, rule, kind) {
  const deleted = /* @__PURE__ */ new Set();
  for (const finding of findings) {
    if (finding.rule === rule) deleted.add(finding.object.name);
    if (finding.rule === Rules.kustomizationRemoved) {
      for (const ref of finding.cascade ?? []) if (ref.startsWith(`${kind}/`)) deleted.add(ref.slice(kind.length + 1));
    }
  }
  return deleted;
}
function escalateReleasesInDeletedNamespaces(findings, context) {
  const deleted = collectDeleted(findings, Rules.namespaceRemoved, "Namespace");
  return findings.map((finding) => {
    if (finding.rule !== Rules.helmReleaseRemoved) return finding;
    const removed = findRemovedObject(context.units.get(finding.unit), finding.object);
    const namespace = removed ? readHelmReleaseIdentity(removed.body).targetNamespace : void 0;
    if (!namespace || !deleted.has(namespace)) return finding;
    return { ...finding, severity: "error", message: `${finding.message}; Namespace/${namespace} is pruned as well` };
  });
}
function dropCrdMissingWhereCrdStays(findings, units) {
  const deleted = collectDeleted(findings, Rules.crdRemoved, "CustomResourceDefinition");
  const crdsBefore = units.flatMap((unit) => [...unit.before.values()]).flatMap((object) => {
    const names = readCrdNames(object.body);
    return names ? [{ name: object.id.name, group: names.group, kind: names.kind }] : [];
  });
  return findings.filter((finding) => {
    if (finding.rule !== Rules.crdMissing) return true;
    const own = crdsBefore.filter((crd) => crd.group === finding.object.group && crd.kind === finding.object.kind);
    const relevant = own.length > 0 ? own : crdsBefore.filter((crd) => crd.group === finding.object.group);
    return relevant.some((crd) => deleted.has(crd.name));
  });
}
function findRemovedObject(unit, ref) {
  const key = formatObjectKey(ref);
  return unit?.diff.removed.find((object) => object.key === key);
}
function findMoveTarget(finding, context) {
  return context.addedByKey.get(formatObjectKey(finding.object))?.find((candidate) => candidate.unit !== finding.unit);
}
function indexAddedObjects(units) {
  const index = /* @__PURE__ */ new Map();
  for (const unit of units) {
    for (const object of unit.diff.added) index.set(object.key, [...index.get(object.key) ?? [], { unit: unit.unit, object }]);
  }
  return index;
}
function rewriteRemoval(finding, context) {
  const owner = context.owners.get(finding.unit);
  const unit = context.units.get(finding.unit);
  const removed = findRemovedObject(unit, finding.object);
  const ref = formatObjectRef(finding.object);
  const ks = owner?.after;
  const optOut = removed ? findPruneOptOut(removed.body) : void 0;
  if (optOut) {
    return {
      ...finding,
      rule: Rules.pruneProtected,
      severity: "notice",
      message: `${ref} leaves the render of ${finding.unit}, but Flux keeps it in the cluster (${optOut}); it is no longer managed`,
      cascade: []
    };
  }
  const move = findMoveTarget(finding, context);
  const addedOptOut = (move && findPruneOptOut(move.object.body)) ?? (ks ? findPruneOptOut({ metadata: { labels: ks.commonMetadata.labels, annotations: ks.commonMetadata.annotations } }) : void 0);
  const protectsNothing = addedOptOut ? `; the ${addedOptOut} added in this change protects nothing: Flux reads it from the object in the cluster, which never got it` : "";
  if (move && ks && !ks.prune) {
    return {
      ...finding,
      rule: Rules.objectMoved,
      severity: "notice",
      message: `${ref} moves from ${finding.unit} to ${move.unit}; ${finding.unit} has prune: false, so it never deletes it and ${move.unit} takes it over`,
      cascade: []
    };
  }
  if (move) {
    const newOwner = context.owners.get(move.unit);
    const ordered = owner?.after?.dependsOn.some((dependency) => `${dependency.namespace}/${dependency.name}` === move.unit) && owner.after.sourceRef.name === newOwner?.after?.sourceRef.name && owner.after.sourceRef.namespace === newOwner?.after?.sourceRef.namespace;
    if (ordered) {
      return {
        ...finding,
        rule: Rules.objectMoved,
        severity: "notice",
        message: `${ref} moves from ${finding.unit} to ${move.unit}; ${finding.unit} depends on ${move.unit}, so ${move.unit} takes it over before ${finding.unit} prunes`,
        cascade: []
      };
    }
    const severity = MOVE_ERROR_KINDS.has(finding.object.kind) ? "error" : "warning";
    const loss = describeLossOnRecreate(finding);
    return {
      ...finding,
      rule: Rules.objectMoved,
      severity,
      message: `${ref} moves from ${finding.unit} to ${move.unit}: whichever reconciles first wins, and if ${finding.unit} prunes first, it is deleted and recreated empty${loss}${protectsNothing}. Safe: first mark it kustomize.toolkit.fluxcd.io/prune: disabled in its own change and let Flux apply that, then move it`
    };
  }
  if (ks && !ks.prune) {
    return {
      ...finding,
      rule: Rules.objectOrphaned,
      severity: "warning",
      message: `${ref} leaves the render of ${finding.unit}, which has prune: false: Flux leaves it in the cluster, unmanaged for good`,
      cascade: []
    };
  }
  const applyNote = context.failingApply.has(finding.unit) ? `; the apply of ${finding.unit} fails first (see crd-missing), and the prune follows as soon as it succeeds` : "";
  if (removed && isHelmRelease(removed.body)) return describeRemovedHelmRelease(finding, removed, `${protectsNothing}${applyNote}`);
  return { ...finding, message: `${finding.message}${protectsNothing}${applyNote}` };
}
function describeRemovedHelmRelease(finding, removed, note) {
  const release = readHelmReleaseIdentity(removed.body);
  return {
    ...finding,
    rule: Rules.helmReleaseRemoved,
    severity: "warning",
    message: `${formatObjectRef(finding.object)} is pruned: helm-controller uninstalls release ${release.releaseName}, deleting everything it installed in ${release.targetNamespace} (CRDs from its templates too)${note}`
  };
}
function describeLossOnRecreate(finding) {
  if (finding.object.kind === "CustomResourceDefinition") {
    const cascade = finding.cascade ?? [];
    return cascade.length > 0 ? ` (every custom resource of it is lost: ${cascade.join(", ")})` : " (every custom resource of it is lost)";
  }
  if (finding.object.kind === "Namespace") return " (with everything in it)";
  if (finding.object.kind === "PersistentVolumeClaim") return " (with its data, when the volume reclaim policy is Delete)";
  return "";
}
function isChartRef(chart) {
  return chart.includes("/");
}
function describeReinstalledHelmReleases(units) {
  const findings = [];
  for (const unit of units) {
    for (const change of unit.diff.changed) {
      if (!isHelmRelease(change.after.body)) continue;
      const old = readHelmReleaseIdentity(change.before.body);
      const current = readHelmReleaseIdentity(change.after.body);
      const changed = ["releaseName", "targetNamespace", "storageNamespace", "chart"].filter((field) => old[field] !== current[field] && !(field === "chart" && (isChartRef(old.chart) || isChartRef(current.chart)))).map((field) => `${field} ${old[field]} -> ${current[field]}`);
      if (changed.length === 0) continue;
      findings.push({
        rule: Rules.helmReleaseReinstalled,
        severity: "warning",
        unit: unit.unit,
        object: { ...change.after.id, apiVersion: change.after.apiVersion },
        ...change.after.provenance ? { provenance: change.after.provenance } : {},
        message: `${formatObjectRef(change.after.id)} changes ${changed.join(", ")}: helm-controller uninstalls release ${old.releaseName} and installs it again, deleting everything the old release installed`
      });
    }
  }
  return findings;
}

// src/core/report/report-model.ts
var REPORT_SCHEMA_VERSION = 1;
var NOTABLE_PRUNED_KINDS = /* @__PURE__ */ new Set([
  "CustomResourceDefinition",
  "Namespace",
  "PersistentVolumeClaim",
  "PersistentVolume",
  "StatefulSet"
]);
function buildReport(input) {
  const units = [...input.units].sort((a, b) => compareText(a.unit, b.unit));
  const clusters = [...new Set(units.map((unit) => unit.cluster))];
  const judged = clusters.flatMap((cluster) => {
    const own = units.filter((unit) => unit.cluster === cluster);
    const generic = evaluateRules({ units: own });
    if (!input.owners) return generic;
    const names = new Set(own.map((unit) => unit.unit));
    return applyFluxSemantics(generic, own, new Map([...input.owners].filter(([name]) => names.has(name))));
  });
  const all = [...judged, ...input.extraFindings ?? []];
  const findings = (input.config ? applySeverityOverrides(all, input.config) : all).sort(compareFindings);
  const toRef2 = (object) => ({ ...object.id, apiVersion: object.apiVersion });
  const entry = (unit, object) => ({
    unit,
    object: toRef2(object),
    ...object.provenance ? { provenance: object.provenance } : {}
  });
  const added = [];
  const removed = [];
  const changed = [];
  const replaced = [];
  const unitReports = [];
  let unchanged = 0;
  let identical = 0;
  for (const { unit, cluster, diff, before, after, existsBefore, existsAfter, skipped, identical: notRendered } of units) {
    if (notRendered) {
      identical++;
      continue;
    }
    added.push(...diff.added.map((object) => entry(unit, object)));
    removed.push(...diff.removed.map((object) => entry(unit, object)));
    for (const change of diff.changed) {
      changed.push({
        unit,
        object: toRef2(change.after),
        ...change.before.apiVersion !== change.after.apiVersion ? { previousApiVersion: change.before.apiVersion } : {},
        patch: change.patch,
        diff: change.diff,
        ...change.secretKeys ? { secretKeys: change.secretKeys } : {}
      });
    }
    replaced.push(...diff.replaced.map(({ before: from, after: to }) => ({ unit, from: toRef2(from), to: toRef2(to) })));
    unchanged += diff.unchanged;
    const owner = input.owners?.get(unit);
    const ks = owner?.after ?? owner?.before;
    unitReports.push({
      name: unit,
      ...owner && ks ? {
        flux: {
          path: ks.path,
          prune: ks.prune,
          verdict: ks.prune ? "pruned" : "orphaned",
          parent: (owner.after ? owner.parentAfter : owner.parentBefore) ?? null,
          skipped: (owner.after ? owner.skippedAfter : owner.skippedBefore) ?? null
        }
      } : {},
      before: existsBefore ? before.size : null,
      after: existsAfter ? after.size : null,
      counts: {
        add: diff.added.length,
        change: diff.changed.length,
        prune: diff.removed.length,
        replace: diff.replaced.length,
        unchanged: diff.unchanged
      },
      ...skipped ? { skipped } : {},
      ...cluster !== void 0 ? { cluster } : {}
    });
  }
  const pruneByKind = {};
  for (const { object } of removed) {
    if (NOTABLE_PRUNED_KINDS.has(object.kind)) pruneByKind[object.kind] = (pruneByKind[object.kind] ?? 0) + 1;
  }
  const findingCounts = Object.fromEntries(
    SEVERITY_ORDER.map((severity) => [severity, findings.filter((finding) => finding.severity === severity).length])
  );
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: "prune-guard", version: input.version },
    before: input.before,
    after: input.after,
    failOn: input.failOn,
    blocking: findings.some((finding) => isAtOrAbove(finding.severity, input.failOn)),
    summary: {
      add: added.length,
      change: changed.length,
      prune: removed.length,
      replace: replaced.length,
      unchanged,
      pruneByKind: sortRecord(pruneByKind),
      findings: findingCounts
    },
    findings,
    fixes: [],
    units: unitReports,
    notes: [...input.notes ?? []],
    stats: { builds: input.builds ?? 0, cached: input.cached ?? 0, identical },
    changes: { added, removed, changed, replaced }
  };
}
function attachFixes(report, fixes, targets) {
  if (fixes.length === 0) return report;
  return {
    ...report,
    fixes,
    findings: report.findings.map((finding) => {
      const fixIndex = targets.get(`${finding.unit}\0${formatObjectKey(finding.object)}`);
      return fixIndex === void 0 ? finding : { ...finding, fixIndex };
    })
  };
}
function sortRecord(record) {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => compareText(a, b)));
}

// src/github/contents.ts
var LISTING_TIMEOUT_MS = 15e3;
function createRepositoryContents(octokit, timeoutMs = LISTING_TIMEOUT_MS) {
  const memo = /* @__PURE__ */ new Map();
  const list = async (owner, repo, ref, path2) => {
    try {
      const { data } = await octokit.rest.repos.getContent({ owner, repo, ref, path: path2, request: { signal: AbortSignal.timeout(timeoutMs) } });
      const answer = data;
      if (isRecord(answer) && typeof answer.type === "string") return [];
      if (!Array.isArray(answer)) throw new Error("the answer is not a directory listing");
      return answer.flatMap(
        (entry) => isRecord(entry) && typeof entry.name === "string" && typeof entry.type === "string" ? [{ name: entry.name, type: entry.type, size: typeof entry.size === "number" ? entry.size : 0 }] : []
      );
    } catch (error) {
      if (error.status === 404) return [];
      throw error;
    }
  };
  return {
    listDirectory: (owner, repo, ref, path2) => {
      const key = JSON.stringify([owner.toLowerCase(), repo.toLowerCase(), ref, path2]);
      let pending2 = memo.get(key);
      if (!pending2) {
        pending2 = list(owner, repo, ref, path2);
        memo.set(key, pending2);
      }
      return pending2;
    }
  };
}

// node_modules/universal-user-agent/index.js
function getUserAgent() {
  if (typeof navigator === "object" && "userAgent" in navigator) {
    return navigator.userAgent;
  }
  if (typeof process === "object" && process.version !== void 0) {
    return `Node.js/${process.version.substr(1)} (${process.platform}; ${process.arch})`;
  }
  return "<environment undetectable>";
}

// node_modules/before-after-hook/lib/register.js
function register(state, name, method, options) {
  if (typeof method !== "function") {
    throw new Error("method for before hook must be a function");
  }
  if (!options) {
    options = {};
  }
  if (Array.isArray(name)) {
    return name.reverse().reduce((callback, name2) => {
      return register.bind(null, state, name2, callback, options);
    }, method)();
  }
  return Promise.resolve().then(() => {
    if (!state.registry[name]) {
      return method(options);
    }
    return state.registry[name].reduce((method2, registered) => {
      return registered.hook.bind(null, method2, options);
    }, method)();
  });
}

// node_modules/before-after-hook/lib/add.js
function addHook(state, kind, name, hook2) {
  const orig = hook2;
  if (!state.registry[name]) {
    state.registry[name] = [];
  }
  if (kind === "before") {
    hook2 = (method, options) => {
      return Promise.resolve().then(orig.bind(null, options)).then(method.bind(null, options));
    };
  }
  if (kind === "after") {
    hook2 = (method, options) => {
      let result;
      return Promise.resolve().then(method.bind(null, options)).then((result_) => {
        result = result_;
        return orig(result, options);
      }).then(() => {
        return result;
      });
    };
  }
  if (kind === "error") {
    hook2 = (method, options) => {
      return Promise.resolve().then(method.bind(null, options)).catch((error) => {
        return orig(error, options);
      });
    };
  }
  state.registry[name].push({
    hook: hook2,
    orig
  });
}

// node_modules/before-after-hook/lib/remove.js
function removeHook(state, name, method) {
  if (!state.registry[name]) {
    return;
  }
  const index = state.registry[name].map((registered) => {
    return registered.orig;
  }).indexOf(method);
  if (index === -1) {
    return;
  }
  state.registry[name].splice(index, 1);
}

// node_modules/before-after-hook/index.js
var bind = Function.bind;
var bindable = bind.bind(bind);
function bindApi(hook2, state, name) {
  const removeHookRef = bindable(removeHook, null).apply(
    null,
    name ? [state, name] : [state]
  );
  hook2.api = { remove: removeHookRef };
  hook2.remove = removeHookRef;
  ["before", "error", "after", "wrap"].forEach((kind) => {
    const args = name ? [state, kind, name] : [state, kind];
    hook2[kind] = hook2.api[kind] = bindable(addHook, null).apply(null, args);
  });
}
function Singular() {
  const singularHookName = /* @__PURE__ */ Symbol("Singular");
  const singularHookState = {
    registry: {}
  };
  const singularHook = register.bind(null, singularHookState, singularHookName);
  bindApi(singularHook, singularHookState, singularHookName);
  return singularHook;
}
function Collection() {
  const state = {
    registry: {}
  };
  const hook2 = register.bind(null, state);
  bindApi(hook2, state);
  return hook2;
}
var before_after_hook_default = { Singular, Collection };

// node_modules/@octokit/endpoint/dist-bundle/index.js
var VERSION = "0.0.0-development";
var userAgent = `octokit-endpoint.js/${VERSION} ${getUserAgent()}`;
var DEFAULTS = {
  method: "GET",
  baseUrl: "https://api.github.com",
  headers: {
    accept: "application/vnd.github.v3+json",
    "user-agent": userAgent
  },
  mediaType: {
    format: ""
  }
};
function lowercaseKeys(object) {
  if (!object) {
    return {};
  }
  return Object.keys(object).reduce((newObj, key) => {
    newObj[key.toLowerCase()] = object[key];
    return newObj;
  }, {});
}
function isPlainObject2(value) {
  if (typeof value !== "object" || value === null) return false;
  if (Object.prototype.toString.call(value) !== "[object Object]") return false;
  const proto = Object.getPrototypeOf(value);
  if (proto === null) return true;
  const Ctor = Object.prototype.hasOwnProperty.call(proto, "constructor") && proto.constructor;
  return typeof Ctor === "function" && Ctor instanceof Ctor && Function.prototype.call(Ctor) === Function.prototype.call(value);
}
function mergeDeep(defaults2, options) {
  const result = Object.assign({}, defaults2);
  Object.keys(options).forEach((key) => {
    if (isPlainObject2(options[key])) {
      if (!(key in defaults2)) Object.assign(result, { [key]: options[key] });
      else result[key] = mergeDeep(defaults2[key], options[key]);
    } else {
      Object.assign(result, { [key]: options[key] });
    }
  });
  return result;
}
function removeUndefinedProperties(obj) {
  for (const key in obj) {
    if (obj[key] === void 0) {
      delete obj[key];
    }
  }
  return obj;
}
function merge(defaults2, route, options) {
  if (typeof route === "string") {
    let [method, url] = route.split(" ");
    options = Object.assign(url ? { method, url } : { url: method }, options);
  } else {
    options = Object.assign({}, route);
  }
  options.headers = lowercaseKeys(options.headers);
  removeUndefinedProperties(options);
  removeUndefinedProperties(options.headers);
  const mergedOptions = mergeDeep(defaults2 || {}, options);
  if (options.url === "/graphql") {
    if (defaults2 && defaults2.mediaType.previews?.length) {
      mergedOptions.mediaType.previews = defaults2.mediaType.previews.filter(
        (preview) => !mergedOptions.mediaType.previews.includes(preview)
      ).concat(mergedOptions.mediaType.previews);
    }
    mergedOptions.mediaType.previews = (mergedOptions.mediaType.previews || []).map((preview) => preview.replace(/-preview/, ""));
  }
  return mergedOptions;
}
function addQueryParameters(url, parameters) {
  const separator = /\?/.test(url) ? "&" : "?";
  const names = Object.keys(parameters);
  if (names.length === 0) {
    return url;
  }
  return url + separator + names.map((name) => {
    if (name === "q") {
      return "q=" + parameters.q.split("+").map(encodeURIComponent).join("+");
    }
    return `${name}=${encodeURIComponent(parameters[name])}`;
  }).join("&");
}
var urlVariableRegex = /\{[^{}}]+\}/g;
function removeNonChars(variableName) {
  return variableName.replace(/(?:^\W+)|(?:(?<!\W)\W+$)/g, "").split(/,/);
}
function extractUrlVariableNames(url) {
  const matches = url.match(urlVariableRegex);
  if (!matches) {
    return [];
  }
  return matches.map(removeNonChars).reduce((a, b) => a.concat(b), []);
}
function omit(object, keysToOmit) {
  const result = { __proto__: null };
  for (const key of Object.keys(object)) {
    if (keysToOmit.indexOf(key) === -1) {
      result[key] = object[key];
    }
  }
  return result;
}
function encodeReserved(str) {
  return str.split(/(%[0-9A-Fa-f]{2})/g).map(function(part) {
    if (!/%[0-9A-Fa-f]/.test(part)) {
      part = encodeURI(part).replace(/%5B/g, "[").replace(/%5D/g, "]");
    }
    return part;
  }).join("");
}
function encodeUnreserved(str) {
  return encodeURIComponent(str).replace(/[!'()*]/g, function(c) {
    return "%" + c.charCodeAt(0).toString(16).toUpperCase();
  });
}
function encodeValue(operator, value, key) {
  value = operator === "+" || operator === "#" ? encodeReserved(value) : encodeUnreserved(value);
  if (key) {
    return encodeUnreserved(key) + "=" + value;
  } else {
    return value;
  }
}
function isDefined(value) {
  return value !== void 0 && value !== null;
}
function isKeyOperator(operator) {
  return operator === ";" || operator === "&" || operator === "?";
}
function getValues(context, operator, key, modifier) {
  var value = context[key], result = [];
  if (isDefined(value) && value !== "") {
    if (typeof value === "string" || typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") {
      value = value.toString();
      if (modifier && modifier !== "*") {
        value = value.substring(0, parseInt(modifier, 10));
      }
      result.push(
        encodeValue(operator, value, isKeyOperator(operator) ? key : "")
      );
    } else {
      if (modifier === "*") {
        if (Array.isArray(value)) {
          value.filter(isDefined).forEach(function(value2) {
            result.push(
              encodeValue(operator, value2, isKeyOperator(operator) ? key : "")
            );
          });
        } else {
          Object.keys(value).forEach(function(k) {
            if (isDefined(value[k])) {
              result.push(encodeValue(operator, value[k], k));
            }
          });
        }
      } else {
        const tmp = [];
        if (Array.isArray(value)) {
          value.filter(isDefined).forEach(function(value2) {
            tmp.push(encodeValue(operator, value2));
          });
        } else {
          Object.keys(value).forEach(function(k) {
            if (isDefined(value[k])) {
              tmp.push(encodeUnreserved(k));
              tmp.push(encodeValue(operator, value[k].toString()));
            }
          });
        }
        if (isKeyOperator(operator)) {
          result.push(encodeUnreserved(key) + "=" + tmp.join(","));
        } else if (tmp.length !== 0) {
          result.push(tmp.join(","));
        }
      }
    }
  } else {
    if (operator === ";") {
      if (isDefined(value)) {
        result.push(encodeUnreserved(key));
      }
    } else if (value === "" && (operator === "&" || operator === "?")) {
      result.push(encodeUnreserved(key) + "=");
    } else if (value === "") {
      result.push("");
    }
  }
  return result;
}
function parseUrl(template) {
  return {
    expand: expand2.bind(null, template)
  };
}
function expand2(template, context) {
  var operators = ["+", "#", ".", "/", ";", "?", "&"];
  template = template.replace(
    /\{([^\{\}]+)\}|([^\{\}]+)/g,
    function(_, expression, literal2) {
      if (expression) {
        let operator = "";
        const values = [];
        if (operators.indexOf(expression.charAt(0)) !== -1) {
          operator = expression.charAt(0);
          expression = expression.substr(1);
        }
        expression.split(/,/g).forEach(function(variable) {
          var tmp = /([^:\*]*)(?::(\d+)|(\*))?/.exec(variable);
          values.push(getValues(context, operator, tmp[1], tmp[2] || tmp[3]));
        });
        if (operator && operator !== "+") {
          var separator = ",";
          if (operator === "?") {
            separator = "&";
          } else if (operator !== "#") {
            separator = operator;
          }
          return (values.length !== 0 ? operator : "") + values.join(separator);
        } else {
          return values.join(",");
        }
      } else {
        return encodeReserved(literal2);
      }
    }
  );
  if (template === "/") {
    return template;
  } else {
    return template.replace(/\/$/, "");
  }
}
function parse(options) {
  let method = options.method.toUpperCase();
  let url = (options.url || "/").replace(/:([a-z]\w+)/g, "{$1}");
  let headers = Object.assign({}, options.headers);
  let body;
  let parameters = omit(options, [
    "method",
    "baseUrl",
    "url",
    "headers",
    "request",
    "mediaType"
  ]);
  const urlVariableNames = extractUrlVariableNames(url);
  url = parseUrl(url).expand(parameters);
  if (!/^http/.test(url)) {
    url = options.baseUrl + url;
  }
  const omittedParameters = Object.keys(options).filter((option) => urlVariableNames.includes(option)).concat("baseUrl");
  const remainingParameters = omit(parameters, omittedParameters);
  const isBinaryRequest = /application\/octet-stream/i.test(headers.accept);
  if (!isBinaryRequest) {
    if (options.mediaType.format) {
      headers.accept = headers.accept.split(/,/).map(
        (format) => format.replace(
          /application\/vnd(\.\w+)(\.v3)?(\.\w+)?(\+json)?$/,
          `application/vnd$1$2.${options.mediaType.format}`
        )
      ).join(",");
    }
    if (url.endsWith("/graphql")) {
      if (options.mediaType.previews?.length) {
        const previewsFromAcceptHeader = headers.accept.match(/(?<![\w-])[\w-]+(?=-preview)/g) || [];
        headers.accept = previewsFromAcceptHeader.concat(options.mediaType.previews).map((preview) => {
          const format = options.mediaType.format ? `.${options.mediaType.format}` : "+json";
          return `application/vnd.github.${preview}-preview${format}`;
        }).join(",");
      }
    }
  }
  if (["GET", "HEAD"].includes(method)) {
    url = addQueryParameters(url, remainingParameters);
  } else {
    if ("data" in remainingParameters) {
      body = remainingParameters.data;
    } else {
      if (Object.keys(remainingParameters).length) {
        body = remainingParameters;
      }
    }
  }
  if (!headers["content-type"] && typeof body !== "undefined") {
    headers["content-type"] = "application/json; charset=utf-8";
  }
  if (["PATCH", "PUT"].includes(method) && typeof body === "undefined") {
    body = "";
  }
  return Object.assign(
    { method, url, headers },
    typeof body !== "undefined" ? { body } : null,
    options.request ? { request: options.request } : null
  );
}
function endpointWithDefaults(defaults2, route, options) {
  return parse(merge(defaults2, route, options));
}
function withDefaults(oldDefaults, newDefaults) {
  const DEFAULTS2 = merge(oldDefaults, newDefaults);
  const endpoint2 = endpointWithDefaults.bind(null, DEFAULTS2);
  return Object.assign(endpoint2, {
    DEFAULTS: DEFAULTS2,
    defaults: withDefaults.bind(null, DEFAULTS2),
    merge: merge.bind(null, DEFAULTS2),
    parse
  });
}
var endpoint = withDefaults(null, DEFAULTS);

// node_modules/content-type/dist/index.js
var SP = 32;
var HTAB = 9;
var SEMI = 59;
var EQ = 61;
var DQUOTE = 34;
var BSLASH = 92;
var COMMA = 44;
var LOWER_CASE = 1;
var OWS = 2;
var SEMI_FLAG = 4;
var COMMA_FLAG = 8;
var TOKEN_FLAG = 16;
var NON_ASCII = 65280;
var CASE_FLAGS = LOWER_CASE | NON_ASCII;
var CHAR_MAP = new Uint8Array(256);
CHAR_MAP[HTAB] |= OWS;
CHAR_MAP[SP] |= OWS;
CHAR_MAP[SEMI] |= SEMI_FLAG;
CHAR_MAP[COMMA] |= COMMA_FLAG;
for (let code = 128; code <= 255; code++) {
  CHAR_MAP[code] |= LOWER_CASE;
}
for (const char of "!#$%&'*+-.^_`|~") {
  CHAR_MAP[char.charCodeAt(0)] |= TOKEN_FLAG;
}
for (let code = 48; code <= 57; code++) {
  CHAR_MAP[code] |= TOKEN_FLAG;
}
for (let code = 65; code <= 90; code++) {
  CHAR_MAP[code] |= LOWER_CASE | TOKEN_FLAG;
}
for (let code = 97; code <= 122; code++) {
  CHAR_MAP[code] |= TOKEN_FLAG;
}
var NullObject = /* @__PURE__ */ (() => {
  const C = function() {
  };
  C.prototype = /* @__PURE__ */ Object.create(null);
  return C;
})();
function parse2(header, options) {
  const stopFlags = SEMI_FLAG | (options?.comma === true ? COMMA_FLAG : 0);
  const len = header.length;
  let valueStart = options?.start ?? 0;
  while ((CHAR_MAP[header.charCodeAt(valueStart)] & OWS) !== 0) {
    valueStart++;
  }
  let index = valueStart;
  let typeFlags = 0;
  let whitespace = -1;
  let stop = options?.parameters === false ? COMMA_FLAG : 0;
  while (index < len) {
    const code = header.charCodeAt(index);
    const flags = CHAR_MAP[code];
    if ((flags & stopFlags) !== 0) {
      stop |= flags & COMMA_FLAG;
      break;
    }
    if ((flags & OWS) !== 0) {
      if (whitespace === -1)
        whitespace = index;
    } else {
      whitespace = -1;
    }
    typeFlags |= code & NON_ASCII | flags;
    index++;
  }
  const valueEnd = whitespace === -1 ? index : whitespace;
  const value = header.slice(valueStart, valueEnd);
  const type = (typeFlags & CASE_FLAGS) === 0 ? value : value.toLowerCase();
  if (index === len || stop !== 0) {
    return { type, index, parameters: new NullObject() };
  }
  return parseParameters(header, type, index, len, stopFlags);
}
function parseParameters(header, type, index, len, stopFlags) {
  const parameters = new NullObject();
  parameter: while (index < len) {
    index++;
    while ((CHAR_MAP[header.charCodeAt(index)] & OWS) !== 0) {
      index++;
    }
    const keyStart = index;
    let keyFlags = 0;
    let keyWhitespace = -1;
    while (index < len) {
      const code = header.charCodeAt(index);
      const flags = CHAR_MAP[code];
      if ((flags & stopFlags) !== 0) {
        if ((flags & COMMA_FLAG) !== 0)
          break parameter;
        continue parameter;
      }
      if (code === EQ) {
        const keyEnd = keyWhitespace === -1 ? index : keyWhitespace;
        const value = header.slice(keyStart, keyEnd);
        const key = (keyFlags & CASE_FLAGS) === 0 ? value : value.toLowerCase();
        index++;
        while ((CHAR_MAP[header.charCodeAt(index)] & OWS) !== 0) {
          index++;
        }
        if (index < len && header.charCodeAt(index) === DQUOTE) {
          const quotedStart = ++index;
          let escaped = false;
          while (index < len) {
            const code2 = header.charCodeAt(index);
            if (code2 === DQUOTE) {
              if (parameters[key] === void 0) {
                parameters[key] = escaped ? unescapeQuotedPairs(header, quotedStart, index) : header.slice(quotedStart, index);
              }
              index++;
              let stop2 = 0;
              while (index < len) {
                const code3 = header.charCodeAt(index);
                const flags2 = CHAR_MAP[code3];
                if ((flags2 & stopFlags) !== 0) {
                  stop2 = flags2 & COMMA_FLAG;
                  break;
                }
                index++;
              }
              if (stop2 !== 0)
                break parameter;
              continue parameter;
            }
            if (code2 === BSLASH && index + 1 < len) {
              escaped = true;
              index += 2;
              continue;
            }
            index++;
          }
          continue parameter;
        }
        const valueStart = index;
        let stop = 0;
        let valueWhitespace = -1;
        while (index < len) {
          const code2 = header.charCodeAt(index);
          const flags2 = CHAR_MAP[code2];
          if ((flags2 & stopFlags) !== 0) {
            stop = flags2 & COMMA_FLAG;
            break;
          }
          if ((flags2 & OWS) !== 0) {
            if (valueWhitespace === -1)
              valueWhitespace = index;
          } else {
            valueWhitespace = -1;
          }
          index++;
        }
        if (parameters[key] === void 0) {
          const valueEnd = valueWhitespace === -1 ? index : valueWhitespace;
          parameters[key] = header.slice(valueStart, valueEnd);
        }
        if (stop !== 0)
          break parameter;
        continue parameter;
      }
      if ((flags & OWS) !== 0) {
        if (keyWhitespace === -1)
          keyWhitespace = index;
      } else {
        keyWhitespace = -1;
      }
      keyFlags |= code & NON_ASCII | flags;
      index++;
    }
  }
  return { type, index, parameters };
}
function unescapeQuotedPairs(str, start, end) {
  let result = "";
  for (let index = start; index < end; index++) {
    if (str.charCodeAt(index) === BSLASH) {
      result += str.slice(start, index);
      start = ++index;
    }
  }
  return result + str.slice(start, end);
}

// node_modules/json-with-bigint/json-with-bigint.js
var intRegex = /^-?\d+$/;
var noiseValue = /^-?\d+n+$/;
var originalStringify = JSON.stringify;
var originalParse = JSON.parse;
var customFormat = /^-?\d+n$/;
var bigIntsStringify = /([\[:])?"(-?\d+)n"($|\s*[,\}\]])/g;
var noiseStringify = /([\[:])?("-?\d+n+)n("$|"\s*[,\}\]])/g;
var isUnstringifiable = (val) => val === void 0 || typeof val === "function" || typeof val === "symbol";
var isRawJSON = (val) => val !== null && typeof val === "object" && val.constructor && val.constructor.name === "RawJSON";
var stringifyIteratively = (rootValue, replacer, spaceParam) => {
  let space = "";
  if (typeof spaceParam === "number") {
    space = " ".repeat(Math.min(10, Math.max(0, Math.floor(spaceParam))));
  } else if (typeof spaceParam === "string") {
    space = spaceParam.slice(0, 10);
  }
  const isFunctionReplacer = typeof replacer === "function";
  const propertyList = Array.isArray(replacer) ? new Set(replacer.map(String)) : null;
  const prepareVal = (parent, key, val) => {
    const isObject = val !== null && typeof val === "object";
    const hasToJSON = isObject && typeof val.toJSON === "function";
    if (hasToJSON) {
      val = val.toJSON(key);
    }
    const isNoise = typeof val === "string" && noiseValue.test(val);
    if (isNoise) return val + "n";
    const isBigInt = typeof val === "bigint";
    if (isBigInt) {
      const supportsRawJSON = "rawJSON" in JSON;
      if (supportsRawJSON) return JSON.rawJSON(val.toString());
      return val.toString() + "n";
    }
    if (isFunctionReplacer) {
      val = replacer.call(parent, key, val);
    }
    const isPostReplacerObject = val !== null && typeof val === "object";
    if (isPostReplacerObject) {
      const isPrimitiveWrapper = val instanceof Number || val instanceof String || val instanceof Boolean;
      if (isPrimitiveWrapper) {
        val = val.valueOf();
      }
    }
    return val;
  };
  const rootProcessed = prepareVal({ "": rootValue }, "", rootValue);
  if (isUnstringifiable(rootProcessed)) {
    return void 0;
  }
  const isRootPrimitive = rootProcessed === null || typeof rootProcessed !== "object";
  const isRootNativeRawJSON = isRawJSON(rootProcessed);
  if (isRootPrimitive || isRootNativeRawJSON) {
    return originalStringify(rootProcessed);
  }
  const chunks = [];
  let level = 0;
  const stack = [
    {
      parent: { "": rootProcessed },
      key: "",
      val: rootProcessed,
      isArray: Array.isArray(rootProcessed),
      keys: Array.isArray(rootProcessed) ? null : Object.keys(rootProcessed),
      index: 0,
      first: true
    }
  ];
  const visited = new WeakSet([rootProcessed]);
  while (stack.length > 0) {
    const node = stack[stack.length - 1];
    if (node.index === 0) {
      chunks.push(node.isArray ? "[" : "{");
      level++;
    }
    let isDone = false;
    if (node.isArray) {
      if (node.index < node.val.length) {
        if (!node.first) chunks.push(",");
        if (space) chunks.push("\n" + space.repeat(level));
        const childRaw = node.val[node.index];
        const childVal = prepareVal(node.val, String(node.index), childRaw);
        if (isUnstringifiable(childVal)) {
          chunks.push("null");
          node.first = false;
          node.index++;
        } else {
          const isComplexObject = childVal !== null && typeof childVal === "object";
          const isNativeRaw = isRawJSON(childVal);
          if (isComplexObject && !isNativeRaw) {
            if (visited.has(childVal)) {
              throw new TypeError("Converting circular structure to JSON");
            }
            visited.add(childVal);
            stack.push({
              parent: node.val,
              key: String(node.index),
              val: childVal,
              isArray: Array.isArray(childVal),
              keys: Array.isArray(childVal) ? null : Object.keys(childVal),
              index: 0,
              first: true
            });
            node.first = false;
            node.index++;
          } else {
            chunks.push(originalStringify(childVal));
            node.first = false;
            node.index++;
          }
        }
      } else {
        isDone = true;
      }
    } else {
      while (node.index < node.keys.length) {
        const k = node.keys[node.index++];
        const isFilteredOutByArray = propertyList && !propertyList.has(k);
        if (isFilteredOutByArray) continue;
        const childRaw = node.val[k];
        const childVal = prepareVal(node.val, k, childRaw);
        if (isUnstringifiable(childVal)) continue;
        if (!node.first) chunks.push(",");
        if (space) {
          chunks.push("\n" + space.repeat(level) + originalStringify(k) + ": ");
        } else {
          chunks.push(originalStringify(k) + ":");
        }
        const isComplexObject = childVal !== null && typeof childVal === "object";
        const isNativeRaw = isRawJSON(childVal);
        if (isComplexObject && !isNativeRaw) {
          if (visited.has(childVal)) {
            throw new TypeError("Converting circular structure to JSON");
          }
          visited.add(childVal);
          stack.push({
            parent: node.val,
            key: k,
            val: childVal,
            isArray: Array.isArray(childVal),
            keys: Array.isArray(childVal) ? null : Object.keys(childVal),
            index: 0,
            first: true
          });
          node.first = false;
          break;
        } else {
          chunks.push(originalStringify(childVal));
          node.first = false;
        }
      }
      const isNodeFullyProcessed = node.index >= node.keys.length && stack[stack.length - 1] === node;
      if (isNodeFullyProcessed) {
        isDone = true;
      }
    }
    if (isDone) {
      level--;
      if (!node.first && space) chunks.push("\n" + space.repeat(level));
      chunks.push(node.isArray ? "]" : "}");
      visited.delete(node.val);
      stack.pop();
    }
  }
  return chunks.join("");
};
var JSONStringify = (value, replacer, space) => {
  try {
    const supportsRawJSON = "rawJSON" in JSON;
    if (supportsRawJSON) {
      return originalStringify(
        value,
        (key, val) => {
          if (typeof val === "bigint") return JSON.rawJSON(val.toString());
          const hasFunctionReplacer = typeof replacer === "function";
          if (hasFunctionReplacer) return replacer(key, val);
          const isKeyInArrayReplacer = Array.isArray(replacer) && replacer.includes(key);
          if (isKeyInArrayReplacer) return val;
          return val;
        },
        space
      );
    }
    if (!value) return originalStringify(value, replacer, space);
    const convertedToCustomJSON = originalStringify(
      value,
      (key, val) => {
        const isNoise = typeof val === "string" && noiseValue.test(val);
        if (isNoise) return val.toString() + "n";
        if (typeof val === "bigint") return val.toString() + "n";
        const hasFunctionReplacer = typeof replacer === "function";
        if (hasFunctionReplacer) return replacer(key, val);
        const isKeyInArrayReplacer = Array.isArray(replacer) && replacer.includes(key);
        if (isKeyInArrayReplacer) return val;
        return val;
      },
      space
    );
    const processedJSON = convertedToCustomJSON.replace(
      bigIntsStringify,
      "$1$2$3"
    );
    const denoisedJSON = processedJSON.replace(noiseStringify, "$1$2$3");
    return denoisedJSON;
  } catch (error) {
    if (error instanceof RangeError) {
      const convertedJSON = stringifyIteratively(value, replacer, space);
      if (convertedJSON === void 0) return void 0;
      const supportsRawJSON = "rawJSON" in JSON;
      if (supportsRawJSON) return convertedJSON;
      const processedJSON = convertedJSON.replace(bigIntsStringify, "$1$2$3");
      return processedJSON.replace(noiseStringify, "$1$2$3");
    }
    throw error;
  }
};
var featureCache = /* @__PURE__ */ new Map();
var isContextSourceSupported = () => {
  const parseFingerprint = JSON.parse.toString();
  if (featureCache.has(parseFingerprint)) {
    return featureCache.get(parseFingerprint);
  }
  try {
    const result = JSON.parse(
      "1",
      (_, __, context) => !!context?.source && context.source === "1"
    );
    featureCache.set(parseFingerprint, result);
    return result;
  } catch {
    featureCache.set(parseFingerprint, false);
    return false;
  }
};
var convertMarkedBigIntsReviver = (key, value, context, userReviver) => {
  const isCustomFormatBigInt = typeof value === "string" && customFormat.test(value);
  if (isCustomFormatBigInt) return BigInt(value.slice(0, -1));
  const isNoiseValue = typeof value === "string" && noiseValue.test(value);
  if (isNoiseValue) return value.slice(0, -1);
  const hasUserReviver = typeof userReviver === "function";
  if (!hasUserReviver) return value;
  return userReviver(key, value, context);
};
var JSONParseV2 = (text, reviver) => {
  return JSON.parse(text, (key, value, context) => {
    const isNumber = typeof value === "number";
    const isOutOfBounds = value > Number.MAX_SAFE_INTEGER || value < Number.MIN_SAFE_INTEGER;
    const isBigNumber = isNumber && isOutOfBounds;
    const isInt = context && intRegex.test(context.source);
    const isBigInt = isBigNumber && isInt;
    if (isBigInt) return BigInt(context.source);
    const hasCustomReviver = typeof reviver === "function";
    if (!hasCustomReviver) return value;
    return reviver(key, value, context);
  });
};
var MAX_INT = Number.MAX_SAFE_INTEGER.toString();
var MAX_DIGITS = MAX_INT.length;
var stringsOrLargeNumbers = /"(?:[^"\\]|\\.)*"|-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/g;
var noiseValueWithQuotes = /^"-?\d+n+"$/;
var applyReviverIteratively = (parsed, userReviver) => {
  const rootHolder = { "": parsed };
  const stack = [{ parent: rootHolder, key: "", visited: false }];
  while (stack.length > 0) {
    const node = stack[stack.length - 1];
    if (!node.visited) {
      node.visited = true;
      const value = node.parent[node.key];
      const isComplexObject = value !== null && typeof value === "object";
      if (isComplexObject) {
        const keys = Object.keys(value);
        for (let i = keys.length - 1; i >= 0; i--) {
          stack.push({ parent: value, key: keys[i], visited: false });
        }
      }
    } else {
      const { parent, key } = node;
      let value = parent[key];
      if (typeof value === "string") {
        const isCustomFormatBigInt = customFormat.test(value);
        if (isCustomFormatBigInt) {
          value = BigInt(value.slice(0, -1));
        } else {
          const isNoise = noiseValue.test(value);
          if (isNoise) value = value.slice(0, -1);
        }
      }
      const hasUserReviver = typeof userReviver === "function";
      if (hasUserReviver) {
        value = userReviver.call(parent, key, value);
      }
      const isDeleted = value === void 0;
      if (isDeleted) {
        delete parent[key];
      } else {
        parent[key] = value;
      }
      stack.pop();
    }
  }
  return rootHolder[""];
};
var serializeBigInts = (text) => {
  return text.replace(
    stringsOrLargeNumbers,
    (match2, digits, fractional, exponential) => {
      const isString = match2[0] === '"';
      const isNoise = isString && noiseValueWithQuotes.test(match2);
      if (isNoise) return match2.substring(0, match2.length - 1) + 'n"';
      const hasFractionalOrExponential = fractional || exponential;
      const isLessThanMaxSafeInt = digits && (digits.length < MAX_DIGITS || digits.length === MAX_DIGITS && digits <= MAX_INT);
      const isStandardValue = isString || hasFractionalOrExponential || isLessThanMaxSafeInt;
      if (isStandardValue) return match2;
      return '"' + match2 + 'n"';
    }
  );
};
var JSONParse = (text, reviver) => {
  if (!text) return originalParse(text, reviver);
  try {
    if (isContextSourceSupported()) return JSONParseV2(text, reviver);
    const serializedData = serializeBigInts(text);
    return originalParse(
      serializedData,
      (key, value, context) => convertMarkedBigIntsReviver(key, value, context, reviver)
    );
  } catch (error) {
    if (error instanceof RangeError) {
      const serializedData = serializeBigInts(text);
      const parsed = originalParse(serializedData);
      return applyReviverIteratively(parsed, reviver);
    }
    throw error;
  }
};

// node_modules/@octokit/request-error/dist-src/index.js
var RequestError = class extends Error {
  name;
  /**
   * http status code
   */
  status;
  /**
   * Request options that lead to the error.
   */
  request;
  /**
   * Response object if a response was received
   */
  response;
  constructor(message, statusCode, options) {
    super(message, { cause: options.cause });
    this.name = "HttpError";
    this.status = Number.parseInt(statusCode);
    if (Number.isNaN(this.status)) {
      this.status = 0;
    }
    if ("response" in options) {
      this.response = options.response;
    }
    const requestCopy = Object.assign({}, options.request);
    if (options.request.headers.authorization) {
      requestCopy.headers = Object.assign({}, options.request.headers, {
        authorization: options.request.headers.authorization.replace(
          /(?<! ) .*$/,
          " [REDACTED]"
        )
      });
    }
    requestCopy.url = requestCopy.url.replace(/\bclient_secret=\w+/g, "client_secret=[REDACTED]").replace(/\baccess_token=\w+/g, "access_token=[REDACTED]");
    this.request = requestCopy;
  }
};

// node_modules/@octokit/request/dist-bundle/index.js
var VERSION2 = "10.0.16";
var defaults_default = {
  headers: {
    "user-agent": `octokit-request.js/${VERSION2} ${getUserAgent()}`
  }
};
function isPlainObject3(value) {
  if (typeof value !== "object" || value === null) return false;
  if (Object.prototype.toString.call(value) !== "[object Object]") return false;
  const proto = Object.getPrototypeOf(value);
  if (proto === null) return true;
  const Ctor = Object.prototype.hasOwnProperty.call(proto, "constructor") && proto.constructor;
  return typeof Ctor === "function" && Ctor instanceof Ctor && Function.prototype.call(Ctor) === Function.prototype.call(value);
}
var noop = () => "";
async function fetchWrapper(requestOptions) {
  const fetch2 = requestOptions.request?.fetch || globalThis.fetch;
  if (!fetch2) {
    throw new Error(
      "fetch is not set. Please pass a fetch implementation as new Octokit({ request: { fetch }}). Learn more at https://github.com/octokit/octokit.js/#fetch-missing"
    );
  }
  const log = requestOptions.request?.log || console;
  const parseSuccessResponseBody = requestOptions.request?.parseSuccessResponseBody !== false;
  const body = isPlainObject3(requestOptions.body) || Array.isArray(requestOptions.body) ? JSONStringify(requestOptions.body) : requestOptions.body;
  const requestHeaders = Object.fromEntries(
    Object.entries(requestOptions.headers).map(([name, value]) => [
      name,
      String(value)
    ])
  );
  let fetchResponse;
  try {
    fetchResponse = await fetch2(requestOptions.url, {
      method: requestOptions.method,
      body,
      redirect: requestOptions.request?.redirect,
      headers: requestHeaders,
      signal: requestOptions.request?.signal,
      // duplex must be set if request.body is ReadableStream or Async Iterables.
      // See https://fetch.spec.whatwg.org/#dom-requestinit-duplex.
      ...requestOptions.body && { duplex: "half" }
    });
  } catch (error) {
    let message = "Unknown Error";
    if (error instanceof Error) {
      if (error.name === "AbortError") {
        error.status = 500;
        throw error;
      }
      message = error.message;
      if (error.name === "TypeError" && "cause" in error) {
        if (error.cause instanceof Error) {
          message = error.cause.message;
        } else if (typeof error.cause === "string") {
          message = error.cause;
        }
      }
    }
    const requestError = new RequestError(message, 500, {
      request: requestOptions
    });
    requestError.cause = error;
    throw requestError;
  }
  const status = fetchResponse.status;
  const url = fetchResponse.url;
  const responseHeaders = {};
  for (const [key, value] of fetchResponse.headers) {
    responseHeaders[key] = value;
  }
  const octokitResponse = {
    url,
    status,
    headers: responseHeaders,
    data: ""
  };
  if ("deprecation" in responseHeaders) {
    const matches = responseHeaders.link && responseHeaders.link.match(/<([^<>]+)>; rel="deprecation"/);
    const deprecationLink = matches && matches.pop();
    log.warn(
      `[@octokit/request] "${requestOptions.method} ${requestOptions.url}" is deprecated. It is scheduled to be removed on ${responseHeaders.sunset}${deprecationLink ? `. See ${deprecationLink}` : ""}`
    );
  }
  if (status === 204 || status === 205) {
    return octokitResponse;
  }
  if (requestOptions.method === "HEAD") {
    if (status < 400) {
      return octokitResponse;
    }
    throw new RequestError(fetchResponse.statusText, status, {
      response: octokitResponse,
      request: requestOptions
    });
  }
  if (status === 304) {
    octokitResponse.data = await getResponseData(fetchResponse);
    throw new RequestError("Not modified", status, {
      response: octokitResponse,
      request: requestOptions
    });
  }
  if (status >= 400) {
    octokitResponse.data = await getResponseData(fetchResponse);
    throw new RequestError(toErrorMessage(octokitResponse.data), status, {
      response: octokitResponse,
      request: requestOptions
    });
  }
  octokitResponse.data = parseSuccessResponseBody ? await getResponseData(fetchResponse) : fetchResponse.body;
  return octokitResponse;
}
async function getResponseData(response) {
  const contentType = response.headers.get("content-type");
  if (!contentType) {
    return response.text().catch(noop);
  }
  const mimetype = parse2(contentType);
  if (isJSONResponse(mimetype)) {
    let text = "";
    try {
      text = await response.text();
      return JSONParse(text);
    } catch (err) {
      return text;
    }
  } else if (mimetype.type.startsWith("text/") || // `application/octet-stream` is the canonical "arbitrary binary" type
  // (RFC 2046) and must never be decoded as text, even when the response
  // carries a (misleading) `charset=utf-8` parameter — see #751.
  mimetype.parameters.charset?.toLowerCase() === "utf-8" && mimetype.type !== "application/octet-stream") {
    return response.text().catch(noop);
  } else {
    return response.arrayBuffer().catch(
      /* v8 ignore next -- @preserve */
      () => new ArrayBuffer(0)
    );
  }
}
function isJSONResponse(mimetype) {
  return mimetype.type === "application/json" || mimetype.type === "application/scim+json";
}
function toErrorMessage(data) {
  if (typeof data === "string") {
    return data;
  }
  if (data instanceof ArrayBuffer) {
    return "Unknown error";
  }
  if (typeof data === "object" && data !== null && "message" in data) {
    const objectData = data;
    const suffix = "documentation_url" in objectData ? ` - ${objectData.documentation_url}` : "";
    return Array.isArray(objectData.errors) ? `${objectData.message}: ${objectData.errors.map((v) => JSON.stringify(v)).join(", ")}${suffix}` : `${objectData.message}${suffix}`;
  }
  return `Unknown error: ${JSON.stringify(data)}`;
}
function withDefaults2(oldEndpoint, newDefaults) {
  const endpoint2 = oldEndpoint.defaults(newDefaults);
  const newApi = function(route, parameters) {
    const endpointOptions = endpoint2.merge(route, parameters);
    if (!endpointOptions.request || !endpointOptions.request.hook) {
      return fetchWrapper(endpoint2.parse(endpointOptions));
    }
    const request2 = (route2, parameters2) => {
      return fetchWrapper(
        endpoint2.parse(endpoint2.merge(route2, parameters2))
      );
    };
    Object.assign(request2, {
      endpoint: endpoint2,
      defaults: withDefaults2.bind(null, endpoint2)
    });
    return endpointOptions.request.hook(request2, endpointOptions);
  };
  return Object.assign(newApi, {
    endpoint: endpoint2,
    defaults: withDefaults2.bind(null, endpoint2)
  });
}
var request = withDefaults2(endpoint, defaults_default);

// node_modules/@octokit/graphql/dist-bundle/index.js
var VERSION3 = "0.0.0-development";
function _buildMessageForResponseErrors(data) {
  return `Request failed due to following response errors:
` + data.errors.map((e) => ` - ${e.message}`).join("\n");
}
var GraphqlResponseError = class extends Error {
  constructor(request2, headers, response) {
    super(_buildMessageForResponseErrors(response));
    this.request = request2;
    this.headers = headers;
    this.response = response;
    this.errors = response.errors;
    this.data = response.data;
    if (Error.captureStackTrace) {
      Error.captureStackTrace(this, this.constructor);
    }
  }
  request;
  headers;
  response;
  name = "GraphqlResponseError";
  errors;
  data;
};
var NON_VARIABLE_OPTIONS = [
  "method",
  "baseUrl",
  "url",
  "headers",
  "request",
  "query",
  "mediaType",
  "operationName"
];
var FORBIDDEN_VARIABLE_OPTIONS = ["query", "method", "url"];
var GHES_V3_SUFFIX_REGEX = /\/api\/v3\/?$/;
function graphql(request2, query, options) {
  if (options) {
    if (typeof query === "string" && "query" in options) {
      return Promise.reject(
        new Error(`[@octokit/graphql] "query" cannot be used as variable name`)
      );
    }
    for (const key in options) {
      if (!FORBIDDEN_VARIABLE_OPTIONS.includes(key)) continue;
      return Promise.reject(
        new Error(
          `[@octokit/graphql] "${key}" cannot be used as variable name`
        )
      );
    }
  }
  const parsedOptions = typeof query === "string" ? Object.assign({ query }, options) : query;
  const requestOptions = Object.keys(
    parsedOptions
  ).reduce((result, key) => {
    if (NON_VARIABLE_OPTIONS.includes(key)) {
      result[key] = parsedOptions[key];
      return result;
    }
    if (!result.variables) {
      result.variables = {};
    }
    result.variables[key] = parsedOptions[key];
    return result;
  }, {});
  const baseUrl = parsedOptions.baseUrl || request2.endpoint.DEFAULTS.baseUrl;
  if (GHES_V3_SUFFIX_REGEX.test(baseUrl)) {
    requestOptions.url = baseUrl.replace(GHES_V3_SUFFIX_REGEX, "/api/graphql");
  }
  return request2(requestOptions).then((response) => {
    if (response.data.errors) {
      const headers = {};
      for (const key of Object.keys(response.headers)) {
        headers[key] = response.headers[key];
      }
      throw new GraphqlResponseError(
        requestOptions,
        headers,
        response.data
      );
    }
    return response.data.data;
  });
}
function withDefaults3(request2, newDefaults) {
  const newRequest = request2.defaults(newDefaults);
  const newApi = (query, options) => {
    return graphql(newRequest, query, options);
  };
  return Object.assign(newApi, {
    defaults: withDefaults3.bind(null, newRequest),
    endpoint: newRequest.endpoint
  });
}
var graphql2 = withDefaults3(request, {
  headers: {
    "user-agent": `octokit-graphql.js/${VERSION3} ${getUserAgent()}`
  },
  method: "POST",
  url: "/graphql"
});
function withCustomRequest(customRequest) {
  return withDefaults3(customRequest, {
    method: "POST",
    url: "/graphql"
  });
}

// node_modules/@octokit/auth-token/dist-bundle/index.js
var b64url = "(?:[a-zA-Z0-9_-]+)";
var sep4 = "\\.";
var jwtRE = new RegExp(`^${b64url}${sep4}${b64url}${sep4}${b64url}$`);
var isJWT = jwtRE.test.bind(jwtRE);
async function auth(token) {
  const isApp = isJWT(token);
  const isInstallation = token.startsWith("v1.") || token.startsWith("ghs_");
  const isUserToServer = token.startsWith("ghu_");
  const tokenType = isApp ? "app" : isInstallation ? "installation" : isUserToServer ? "user-to-server" : "oauth";
  return {
    type: "token",
    token,
    tokenType
  };
}
function withAuthorizationPrefix(token) {
  if (token.split(/\./).length === 3) {
    return `bearer ${token}`;
  }
  return `token ${token}`;
}
async function hook(token, request2, route, parameters) {
  const endpoint2 = request2.endpoint.merge(
    route,
    parameters
  );
  endpoint2.headers.authorization = withAuthorizationPrefix(token);
  return request2(endpoint2);
}
var createTokenAuth = function createTokenAuth2(token) {
  if (!token) {
    throw new Error("[@octokit/auth-token] No token passed to createTokenAuth");
  }
  if (typeof token !== "string") {
    throw new Error(
      "[@octokit/auth-token] Token passed to createTokenAuth is not a string"
    );
  }
  token = token.replace(/^(token|bearer) +/i, "");
  return Object.assign(auth.bind(null, token), {
    hook: hook.bind(null, token)
  });
};

// node_modules/@octokit/core/dist-src/version.js
var VERSION4 = "7.0.8";

// node_modules/@octokit/core/dist-src/index.js
var noop2 = () => {
};
var consoleWarn = console.warn.bind(console);
var consoleError = console.error.bind(console);
function createLogger(logger = {}) {
  if (typeof logger.debug !== "function") {
    logger.debug = noop2;
  }
  if (typeof logger.info !== "function") {
    logger.info = noop2;
  }
  if (typeof logger.warn !== "function") {
    logger.warn = consoleWarn;
  }
  if (typeof logger.error !== "function") {
    logger.error = consoleError;
  }
  return logger;
}
var userAgentTrail = `octokit-core.js/${VERSION4} ${getUserAgent()}`;
var Octokit = class {
  static VERSION = VERSION4;
  static defaults(defaults2) {
    const OctokitWithDefaults = class extends this {
      constructor(...args) {
        const options = args[0] || {};
        if (typeof defaults2 === "function") {
          super(defaults2(options));
          return;
        }
        super(
          Object.assign(
            {},
            defaults2,
            options,
            options.userAgent && defaults2.userAgent ? {
              userAgent: `${options.userAgent} ${defaults2.userAgent}`
            } : null
          )
        );
      }
    };
    return OctokitWithDefaults;
  }
  static plugins = [];
  /**
   * Attach a plugin (or many) to your Octokit instance.
   *
   * @example
   * const API = Octokit.plugin(plugin1, plugin2, plugin3, ...)
   */
  static plugin(...newPlugins) {
    const currentPlugins = this.plugins;
    const NewOctokit = class extends this {
      static plugins = currentPlugins.concat(
        newPlugins.filter((plugin) => !currentPlugins.includes(plugin))
      );
    };
    return NewOctokit;
  }
  constructor(options = {}) {
    const hook2 = new before_after_hook_default.Collection();
    const requestDefaults = {
      baseUrl: request.endpoint.DEFAULTS.baseUrl,
      headers: {},
      request: Object.assign({}, options.request, {
        // @ts-ignore internal usage only, no need to type
        hook: hook2.bind(null, "request")
      }),
      mediaType: {
        previews: [],
        format: ""
      }
    };
    requestDefaults.headers["user-agent"] = options.userAgent ? `${options.userAgent} ${userAgentTrail}` : userAgentTrail;
    if (options.baseUrl) {
      requestDefaults.baseUrl = options.baseUrl;
    }
    if (options.previews) {
      requestDefaults.mediaType.previews = options.previews;
    }
    if (options.timeZone) {
      requestDefaults.headers["time-zone"] = options.timeZone;
    }
    this.request = request.defaults(requestDefaults);
    this.graphql = withCustomRequest(this.request).defaults(requestDefaults);
    this.log = createLogger(options.log);
    this.hook = hook2;
    if (!options.authStrategy) {
      if (!options.auth) {
        this.auth = async () => ({
          type: "unauthenticated"
        });
      } else {
        const auth2 = createTokenAuth(options.auth);
        hook2.wrap("request", auth2.hook);
        this.auth = auth2;
      }
    } else {
      const { authStrategy, ...otherOptions } = options;
      const auth2 = authStrategy(
        Object.assign(
          {
            request: this.request,
            log: this.log,
            // we pass the current octokit instance as well as its constructor options
            // to allow for authentication strategies that return a new octokit instance
            // that shares the same internal state as the current one. The original
            // requirement for this was the "event-octokit" authentication strategy
            // of https://github.com/probot/octokit-auth-probot.
            octokit: this,
            octokitOptions: otherOptions
          },
          options.auth
        )
      );
      hook2.wrap("request", auth2.hook);
      this.auth = auth2;
    }
    const classConstructor = this.constructor;
    for (let i = 0; i < classConstructor.plugins.length; ++i) {
      Object.assign(this, classConstructor.plugins[i](this, options));
    }
  }
  // assigned during constructor
  request;
  graphql;
  log;
  hook;
  // TODO: type `octokit.auth` based on passed options.authStrategy
  auth;
};

// node_modules/@octokit/plugin-request-log/dist-src/version.js
var VERSION5 = "6.0.0";

// node_modules/@octokit/plugin-request-log/dist-src/index.js
function requestLog(octokit) {
  octokit.hook.wrap("request", (request2, options) => {
    octokit.log.debug("request", options);
    const start = Date.now();
    const requestOptions = octokit.request.endpoint.parse(options);
    const path2 = requestOptions.url.replace(options.baseUrl, "");
    return request2(options).then((response) => {
      const requestId = response.headers["x-github-request-id"];
      octokit.log.info(
        `${requestOptions.method} ${path2} - ${response.status} with id ${requestId} in ${Date.now() - start}ms`
      );
      return response;
    }).catch((error) => {
      const requestId = error.response?.headers["x-github-request-id"] || "UNKNOWN";
      octokit.log.error(
        `${requestOptions.method} ${path2} - ${error.status} with id ${requestId} in ${Date.now() - start}ms`
      );
      throw error;
    });
  });
}
requestLog.VERSION = VERSION5;

// node_modules/@octokit/plugin-paginate-rest/dist-bundle/index.js
var VERSION6 = "0.0.0-development";
function normalizePaginatedListResponse(response) {
  if (!response.data) {
    return {
      ...response,
      data: []
    };
  }
  const responseNeedsNormalization = ("total_count" in response.data || "total_commits" in response.data) && !("url" in response.data);
  if (!responseNeedsNormalization) return response;
  const incompleteResults = response.data.incomplete_results;
  const repositorySelection = response.data.repository_selection;
  const totalCount = response.data.total_count;
  const totalCommits = response.data.total_commits;
  delete response.data.incomplete_results;
  delete response.data.repository_selection;
  delete response.data.total_count;
  delete response.data.total_commits;
  const namespaceKey = Object.keys(response.data)[0];
  const data = response.data[namespaceKey];
  response.data = data;
  if (typeof incompleteResults !== "undefined") {
    response.data.incomplete_results = incompleteResults;
  }
  if (typeof repositorySelection !== "undefined") {
    response.data.repository_selection = repositorySelection;
  }
  response.data.total_count = totalCount;
  response.data.total_commits = totalCommits;
  return response;
}
function iterator(octokit, route, parameters) {
  const options = typeof route === "function" ? route.endpoint(parameters) : octokit.request.endpoint(route, parameters);
  const requestMethod = typeof route === "function" ? route : octokit.request;
  const method = options.method;
  const headers = options.headers;
  let url = options.url;
  return {
    [Symbol.asyncIterator]: () => ({
      async next() {
        if (!url) return { done: true };
        try {
          const response = await requestMethod({ method, url, headers });
          const normalizedResponse = normalizePaginatedListResponse(response);
          url = ((normalizedResponse.headers.link || "").match(
            /<([^<>]+)>;\s*rel="next"/
          ) || [])[1];
          if (!url && "total_commits" in normalizedResponse.data) {
            const parsedUrl = new URL(normalizedResponse.url);
            const params = parsedUrl.searchParams;
            const page = parseInt(params.get("page") || "1", 10);
            const per_page = parseInt(params.get("per_page") || "250", 10);
            if (page * per_page < normalizedResponse.data.total_commits) {
              params.set("page", String(page + 1));
              url = parsedUrl.toString();
            }
          }
          return { value: normalizedResponse };
        } catch (error) {
          if (error.status !== 409) throw error;
          url = "";
          return {
            value: {
              status: 200,
              headers: {},
              data: []
            }
          };
        }
      }
    })
  };
}
function paginate(octokit, route, parameters, mapFn) {
  if (typeof parameters === "function") {
    mapFn = parameters;
    parameters = void 0;
  }
  return gather(
    octokit,
    [],
    iterator(octokit, route, parameters)[Symbol.asyncIterator](),
    mapFn
  );
}
function gather(octokit, results, iterator2, mapFn) {
  return iterator2.next().then((result) => {
    if (result.done) {
      return results;
    }
    let earlyExit = false;
    function done() {
      earlyExit = true;
    }
    results = results.concat(
      mapFn ? mapFn(result.value, done) : result.value.data
    );
    if (earlyExit) {
      return results;
    }
    return gather(octokit, results, iterator2, mapFn);
  });
}
var composePaginateRest = Object.assign(paginate, {
  iterator
});
function paginateRest(octokit) {
  return {
    paginate: Object.assign(paginate.bind(null, octokit), {
      iterator: iterator.bind(null, octokit)
    })
  };
}
paginateRest.VERSION = VERSION6;

// node_modules/@octokit/plugin-rest-endpoint-methods/dist-src/version.js
var VERSION7 = "17.0.0";

// node_modules/@octokit/plugin-rest-endpoint-methods/dist-src/generated/endpoints.js
var Endpoints = {
  actions: {
    addCustomLabelsToSelfHostedRunnerForOrg: [
      "POST /orgs/{org}/actions/runners/{runner_id}/labels"
    ],
    addCustomLabelsToSelfHostedRunnerForRepo: [
      "POST /repos/{owner}/{repo}/actions/runners/{runner_id}/labels"
    ],
    addRepoAccessToSelfHostedRunnerGroupInOrg: [
      "PUT /orgs/{org}/actions/runner-groups/{runner_group_id}/repositories/{repository_id}"
    ],
    addSelectedRepoToOrgSecret: [
      "PUT /orgs/{org}/actions/secrets/{secret_name}/repositories/{repository_id}"
    ],
    addSelectedRepoToOrgVariable: [
      "PUT /orgs/{org}/actions/variables/{name}/repositories/{repository_id}"
    ],
    approveWorkflowRun: [
      "POST /repos/{owner}/{repo}/actions/runs/{run_id}/approve"
    ],
    cancelWorkflowRun: [
      "POST /repos/{owner}/{repo}/actions/runs/{run_id}/cancel"
    ],
    createEnvironmentVariable: [
      "POST /repos/{owner}/{repo}/environments/{environment_name}/variables"
    ],
    createHostedRunnerForOrg: ["POST /orgs/{org}/actions/hosted-runners"],
    createOrUpdateEnvironmentSecret: [
      "PUT /repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}"
    ],
    createOrUpdateOrgSecret: ["PUT /orgs/{org}/actions/secrets/{secret_name}"],
    createOrUpdateRepoSecret: [
      "PUT /repos/{owner}/{repo}/actions/secrets/{secret_name}"
    ],
    createOrgVariable: ["POST /orgs/{org}/actions/variables"],
    createRegistrationTokenForOrg: [
      "POST /orgs/{org}/actions/runners/registration-token"
    ],
    createRegistrationTokenForRepo: [
      "POST /repos/{owner}/{repo}/actions/runners/registration-token"
    ],
    createRemoveTokenForOrg: ["POST /orgs/{org}/actions/runners/remove-token"],
    createRemoveTokenForRepo: [
      "POST /repos/{owner}/{repo}/actions/runners/remove-token"
    ],
    createRepoVariable: ["POST /repos/{owner}/{repo}/actions/variables"],
    createWorkflowDispatch: [
      "POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches"
    ],
    deleteActionsCacheById: [
      "DELETE /repos/{owner}/{repo}/actions/caches/{cache_id}"
    ],
    deleteActionsCacheByKey: [
      "DELETE /repos/{owner}/{repo}/actions/caches{?key,ref}"
    ],
    deleteArtifact: [
      "DELETE /repos/{owner}/{repo}/actions/artifacts/{artifact_id}"
    ],
    deleteCustomImageFromOrg: [
      "DELETE /orgs/{org}/actions/hosted-runners/images/custom/{image_definition_id}"
    ],
    deleteCustomImageVersionFromOrg: [
      "DELETE /orgs/{org}/actions/hosted-runners/images/custom/{image_definition_id}/versions/{version}"
    ],
    deleteEnvironmentSecret: [
      "DELETE /repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}"
    ],
    deleteEnvironmentVariable: [
      "DELETE /repos/{owner}/{repo}/environments/{environment_name}/variables/{name}"
    ],
    deleteHostedRunnerForOrg: [
      "DELETE /orgs/{org}/actions/hosted-runners/{hosted_runner_id}"
    ],
    deleteOrgSecret: ["DELETE /orgs/{org}/actions/secrets/{secret_name}"],
    deleteOrgVariable: ["DELETE /orgs/{org}/actions/variables/{name}"],
    deleteRepoSecret: [
      "DELETE /repos/{owner}/{repo}/actions/secrets/{secret_name}"
    ],
    deleteRepoVariable: [
      "DELETE /repos/{owner}/{repo}/actions/variables/{name}"
    ],
    deleteSelfHostedRunnerFromOrg: [
      "DELETE /orgs/{org}/actions/runners/{runner_id}"
    ],
    deleteSelfHostedRunnerFromRepo: [
      "DELETE /repos/{owner}/{repo}/actions/runners/{runner_id}"
    ],
    deleteWorkflowRun: ["DELETE /repos/{owner}/{repo}/actions/runs/{run_id}"],
    deleteWorkflowRunLogs: [
      "DELETE /repos/{owner}/{repo}/actions/runs/{run_id}/logs"
    ],
    disableSelectedRepositoryGithubActionsOrganization: [
      "DELETE /orgs/{org}/actions/permissions/repositories/{repository_id}"
    ],
    disableWorkflow: [
      "PUT /repos/{owner}/{repo}/actions/workflows/{workflow_id}/disable"
    ],
    downloadArtifact: [
      "GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}"
    ],
    downloadJobLogsForWorkflowRun: [
      "GET /repos/{owner}/{repo}/actions/jobs/{job_id}/logs"
    ],
    downloadWorkflowRunAttemptLogs: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}/logs"
    ],
    downloadWorkflowRunLogs: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/logs"
    ],
    enableSelectedRepositoryGithubActionsOrganization: [
      "PUT /orgs/{org}/actions/permissions/repositories/{repository_id}"
    ],
    enableWorkflow: [
      "PUT /repos/{owner}/{repo}/actions/workflows/{workflow_id}/enable"
    ],
    forceCancelWorkflowRun: [
      "POST /repos/{owner}/{repo}/actions/runs/{run_id}/force-cancel"
    ],
    generateRunnerJitconfigForOrg: [
      "POST /orgs/{org}/actions/runners/generate-jitconfig"
    ],
    generateRunnerJitconfigForRepo: [
      "POST /repos/{owner}/{repo}/actions/runners/generate-jitconfig"
    ],
    getActionsCacheList: ["GET /repos/{owner}/{repo}/actions/caches"],
    getActionsCacheUsage: ["GET /repos/{owner}/{repo}/actions/cache/usage"],
    getActionsCacheUsageByRepoForOrg: [
      "GET /orgs/{org}/actions/cache/usage-by-repository"
    ],
    getActionsCacheUsageForOrg: ["GET /orgs/{org}/actions/cache/usage"],
    getAllowedActionsOrganization: [
      "GET /orgs/{org}/actions/permissions/selected-actions"
    ],
    getAllowedActionsRepository: [
      "GET /repos/{owner}/{repo}/actions/permissions/selected-actions"
    ],
    getArtifact: ["GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}"],
    getCustomImageForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/images/custom/{image_definition_id}"
    ],
    getCustomImageVersionForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/images/custom/{image_definition_id}/versions/{version}"
    ],
    getCustomOidcSubClaimForRepo: [
      "GET /repos/{owner}/{repo}/actions/oidc/customization/sub"
    ],
    getEnvironmentPublicKey: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/secrets/public-key"
    ],
    getEnvironmentSecret: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/secrets/{secret_name}"
    ],
    getEnvironmentVariable: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/variables/{name}"
    ],
    getGithubActionsDefaultWorkflowPermissionsOrganization: [
      "GET /orgs/{org}/actions/permissions/workflow"
    ],
    getGithubActionsDefaultWorkflowPermissionsRepository: [
      "GET /repos/{owner}/{repo}/actions/permissions/workflow"
    ],
    getGithubActionsPermissionsOrganization: [
      "GET /orgs/{org}/actions/permissions"
    ],
    getGithubActionsPermissionsRepository: [
      "GET /repos/{owner}/{repo}/actions/permissions"
    ],
    getHostedRunnerForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/{hosted_runner_id}"
    ],
    getHostedRunnersGithubOwnedImagesForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/images/github-owned"
    ],
    getHostedRunnersLimitsForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/limits"
    ],
    getHostedRunnersMachineSpecsForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/machine-sizes"
    ],
    getHostedRunnersPartnerImagesForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/images/partner"
    ],
    getHostedRunnersPlatformsForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/platforms"
    ],
    getJobForWorkflowRun: ["GET /repos/{owner}/{repo}/actions/jobs/{job_id}"],
    getOrgPublicKey: ["GET /orgs/{org}/actions/secrets/public-key"],
    getOrgSecret: ["GET /orgs/{org}/actions/secrets/{secret_name}"],
    getOrgVariable: ["GET /orgs/{org}/actions/variables/{name}"],
    getPendingDeploymentsForRun: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/pending_deployments"
    ],
    getRepoPermissions: [
      "GET /repos/{owner}/{repo}/actions/permissions",
      {},
      { renamed: ["actions", "getGithubActionsPermissionsRepository"] }
    ],
    getRepoPublicKey: ["GET /repos/{owner}/{repo}/actions/secrets/public-key"],
    getRepoSecret: ["GET /repos/{owner}/{repo}/actions/secrets/{secret_name}"],
    getRepoVariable: ["GET /repos/{owner}/{repo}/actions/variables/{name}"],
    getReviewsForRun: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/approvals"
    ],
    getSelfHostedRunnerForOrg: ["GET /orgs/{org}/actions/runners/{runner_id}"],
    getSelfHostedRunnerForRepo: [
      "GET /repos/{owner}/{repo}/actions/runners/{runner_id}"
    ],
    getWorkflow: ["GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}"],
    getWorkflowAccessToRepository: [
      "GET /repos/{owner}/{repo}/actions/permissions/access"
    ],
    getWorkflowRun: ["GET /repos/{owner}/{repo}/actions/runs/{run_id}"],
    getWorkflowRunAttempt: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}"
    ],
    getWorkflowRunUsage: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/timing"
    ],
    getWorkflowUsage: [
      "GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/timing"
    ],
    listArtifactsForRepo: ["GET /repos/{owner}/{repo}/actions/artifacts"],
    listCustomImageVersionsForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/images/custom/{image_definition_id}/versions"
    ],
    listCustomImagesForOrg: [
      "GET /orgs/{org}/actions/hosted-runners/images/custom"
    ],
    listEnvironmentSecrets: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/secrets"
    ],
    listEnvironmentVariables: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/variables"
    ],
    listGithubHostedRunnersInGroupForOrg: [
      "GET /orgs/{org}/actions/runner-groups/{runner_group_id}/hosted-runners"
    ],
    listHostedRunnersForOrg: ["GET /orgs/{org}/actions/hosted-runners"],
    listJobsForWorkflowRun: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/jobs"
    ],
    listJobsForWorkflowRunAttempt: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/attempts/{attempt_number}/jobs"
    ],
    listLabelsForSelfHostedRunnerForOrg: [
      "GET /orgs/{org}/actions/runners/{runner_id}/labels"
    ],
    listLabelsForSelfHostedRunnerForRepo: [
      "GET /repos/{owner}/{repo}/actions/runners/{runner_id}/labels"
    ],
    listOrgSecrets: ["GET /orgs/{org}/actions/secrets"],
    listOrgVariables: ["GET /orgs/{org}/actions/variables"],
    listRepoOrganizationSecrets: [
      "GET /repos/{owner}/{repo}/actions/organization-secrets"
    ],
    listRepoOrganizationVariables: [
      "GET /repos/{owner}/{repo}/actions/organization-variables"
    ],
    listRepoSecrets: ["GET /repos/{owner}/{repo}/actions/secrets"],
    listRepoVariables: ["GET /repos/{owner}/{repo}/actions/variables"],
    listRepoWorkflows: ["GET /repos/{owner}/{repo}/actions/workflows"],
    listRunnerApplicationsForOrg: ["GET /orgs/{org}/actions/runners/downloads"],
    listRunnerApplicationsForRepo: [
      "GET /repos/{owner}/{repo}/actions/runners/downloads"
    ],
    listSelectedReposForOrgSecret: [
      "GET /orgs/{org}/actions/secrets/{secret_name}/repositories"
    ],
    listSelectedReposForOrgVariable: [
      "GET /orgs/{org}/actions/variables/{name}/repositories"
    ],
    listSelectedRepositoriesEnabledGithubActionsOrganization: [
      "GET /orgs/{org}/actions/permissions/repositories"
    ],
    listSelfHostedRunnersForOrg: ["GET /orgs/{org}/actions/runners"],
    listSelfHostedRunnersForRepo: ["GET /repos/{owner}/{repo}/actions/runners"],
    listWorkflowRunArtifacts: [
      "GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts"
    ],
    listWorkflowRuns: [
      "GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs"
    ],
    listWorkflowRunsForRepo: ["GET /repos/{owner}/{repo}/actions/runs"],
    reRunJobForWorkflowRun: [
      "POST /repos/{owner}/{repo}/actions/jobs/{job_id}/rerun"
    ],
    reRunWorkflow: ["POST /repos/{owner}/{repo}/actions/runs/{run_id}/rerun"],
    reRunWorkflowFailedJobs: [
      "POST /repos/{owner}/{repo}/actions/runs/{run_id}/rerun-failed-jobs"
    ],
    removeAllCustomLabelsFromSelfHostedRunnerForOrg: [
      "DELETE /orgs/{org}/actions/runners/{runner_id}/labels"
    ],
    removeAllCustomLabelsFromSelfHostedRunnerForRepo: [
      "DELETE /repos/{owner}/{repo}/actions/runners/{runner_id}/labels"
    ],
    removeCustomLabelFromSelfHostedRunnerForOrg: [
      "DELETE /orgs/{org}/actions/runners/{runner_id}/labels/{name}"
    ],
    removeCustomLabelFromSelfHostedRunnerForRepo: [
      "DELETE /repos/{owner}/{repo}/actions/runners/{runner_id}/labels/{name}"
    ],
    removeSelectedRepoFromOrgSecret: [
      "DELETE /orgs/{org}/actions/secrets/{secret_name}/repositories/{repository_id}"
    ],
    removeSelectedRepoFromOrgVariable: [
      "DELETE /orgs/{org}/actions/variables/{name}/repositories/{repository_id}"
    ],
    reviewCustomGatesForRun: [
      "POST /repos/{owner}/{repo}/actions/runs/{run_id}/deployment_protection_rule"
    ],
    reviewPendingDeploymentsForRun: [
      "POST /repos/{owner}/{repo}/actions/runs/{run_id}/pending_deployments"
    ],
    setAllowedActionsOrganization: [
      "PUT /orgs/{org}/actions/permissions/selected-actions"
    ],
    setAllowedActionsRepository: [
      "PUT /repos/{owner}/{repo}/actions/permissions/selected-actions"
    ],
    setCustomLabelsForSelfHostedRunnerForOrg: [
      "PUT /orgs/{org}/actions/runners/{runner_id}/labels"
    ],
    setCustomLabelsForSelfHostedRunnerForRepo: [
      "PUT /repos/{owner}/{repo}/actions/runners/{runner_id}/labels"
    ],
    setCustomOidcSubClaimForRepo: [
      "PUT /repos/{owner}/{repo}/actions/oidc/customization/sub"
    ],
    setGithubActionsDefaultWorkflowPermissionsOrganization: [
      "PUT /orgs/{org}/actions/permissions/workflow"
    ],
    setGithubActionsDefaultWorkflowPermissionsRepository: [
      "PUT /repos/{owner}/{repo}/actions/permissions/workflow"
    ],
    setGithubActionsPermissionsOrganization: [
      "PUT /orgs/{org}/actions/permissions"
    ],
    setGithubActionsPermissionsRepository: [
      "PUT /repos/{owner}/{repo}/actions/permissions"
    ],
    setSelectedReposForOrgSecret: [
      "PUT /orgs/{org}/actions/secrets/{secret_name}/repositories"
    ],
    setSelectedReposForOrgVariable: [
      "PUT /orgs/{org}/actions/variables/{name}/repositories"
    ],
    setSelectedRepositoriesEnabledGithubActionsOrganization: [
      "PUT /orgs/{org}/actions/permissions/repositories"
    ],
    setWorkflowAccessToRepository: [
      "PUT /repos/{owner}/{repo}/actions/permissions/access"
    ],
    updateEnvironmentVariable: [
      "PATCH /repos/{owner}/{repo}/environments/{environment_name}/variables/{name}"
    ],
    updateHostedRunnerForOrg: [
      "PATCH /orgs/{org}/actions/hosted-runners/{hosted_runner_id}"
    ],
    updateOrgVariable: ["PATCH /orgs/{org}/actions/variables/{name}"],
    updateRepoVariable: [
      "PATCH /repos/{owner}/{repo}/actions/variables/{name}"
    ]
  },
  activity: {
    checkRepoIsStarredByAuthenticatedUser: ["GET /user/starred/{owner}/{repo}"],
    deleteRepoSubscription: ["DELETE /repos/{owner}/{repo}/subscription"],
    deleteThreadSubscription: [
      "DELETE /notifications/threads/{thread_id}/subscription"
    ],
    getFeeds: ["GET /feeds"],
    getRepoSubscription: ["GET /repos/{owner}/{repo}/subscription"],
    getThread: ["GET /notifications/threads/{thread_id}"],
    getThreadSubscriptionForAuthenticatedUser: [
      "GET /notifications/threads/{thread_id}/subscription"
    ],
    listEventsForAuthenticatedUser: ["GET /users/{username}/events"],
    listNotificationsForAuthenticatedUser: ["GET /notifications"],
    listOrgEventsForAuthenticatedUser: [
      "GET /users/{username}/events/orgs/{org}"
    ],
    listPublicEvents: ["GET /events"],
    listPublicEventsForRepoNetwork: ["GET /networks/{owner}/{repo}/events"],
    listPublicEventsForUser: ["GET /users/{username}/events/public"],
    listPublicOrgEvents: ["GET /orgs/{org}/events"],
    listReceivedEventsForUser: ["GET /users/{username}/received_events"],
    listReceivedPublicEventsForUser: [
      "GET /users/{username}/received_events/public"
    ],
    listRepoEvents: ["GET /repos/{owner}/{repo}/events"],
    listRepoNotificationsForAuthenticatedUser: [
      "GET /repos/{owner}/{repo}/notifications"
    ],
    listReposStarredByAuthenticatedUser: ["GET /user/starred"],
    listReposStarredByUser: ["GET /users/{username}/starred"],
    listReposWatchedByUser: ["GET /users/{username}/subscriptions"],
    listStargazersForRepo: ["GET /repos/{owner}/{repo}/stargazers"],
    listWatchedReposForAuthenticatedUser: ["GET /user/subscriptions"],
    listWatchersForRepo: ["GET /repos/{owner}/{repo}/subscribers"],
    markNotificationsAsRead: ["PUT /notifications"],
    markRepoNotificationsAsRead: ["PUT /repos/{owner}/{repo}/notifications"],
    markThreadAsDone: ["DELETE /notifications/threads/{thread_id}"],
    markThreadAsRead: ["PATCH /notifications/threads/{thread_id}"],
    setRepoSubscription: ["PUT /repos/{owner}/{repo}/subscription"],
    setThreadSubscription: [
      "PUT /notifications/threads/{thread_id}/subscription"
    ],
    starRepoForAuthenticatedUser: ["PUT /user/starred/{owner}/{repo}"],
    unstarRepoForAuthenticatedUser: ["DELETE /user/starred/{owner}/{repo}"]
  },
  apps: {
    addRepoToInstallation: [
      "PUT /user/installations/{installation_id}/repositories/{repository_id}",
      {},
      { renamed: ["apps", "addRepoToInstallationForAuthenticatedUser"] }
    ],
    addRepoToInstallationForAuthenticatedUser: [
      "PUT /user/installations/{installation_id}/repositories/{repository_id}"
    ],
    checkToken: ["POST /applications/{client_id}/token"],
    createFromManifest: ["POST /app-manifests/{code}/conversions"],
    createInstallationAccessToken: [
      "POST /app/installations/{installation_id}/access_tokens"
    ],
    deleteAuthorization: ["DELETE /applications/{client_id}/grant"],
    deleteInstallation: ["DELETE /app/installations/{installation_id}"],
    deleteToken: ["DELETE /applications/{client_id}/token"],
    getAuthenticated: ["GET /app"],
    getBySlug: ["GET /apps/{app_slug}"],
    getInstallation: ["GET /app/installations/{installation_id}"],
    getOrgInstallation: ["GET /orgs/{org}/installation"],
    getRepoInstallation: ["GET /repos/{owner}/{repo}/installation"],
    getSubscriptionPlanForAccount: [
      "GET /marketplace_listing/accounts/{account_id}"
    ],
    getSubscriptionPlanForAccountStubbed: [
      "GET /marketplace_listing/stubbed/accounts/{account_id}"
    ],
    getUserInstallation: ["GET /users/{username}/installation"],
    getWebhookConfigForApp: ["GET /app/hook/config"],
    getWebhookDelivery: ["GET /app/hook/deliveries/{delivery_id}"],
    listAccountsForPlan: ["GET /marketplace_listing/plans/{plan_id}/accounts"],
    listAccountsForPlanStubbed: [
      "GET /marketplace_listing/stubbed/plans/{plan_id}/accounts"
    ],
    listInstallationReposForAuthenticatedUser: [
      "GET /user/installations/{installation_id}/repositories"
    ],
    listInstallationRequestsForAuthenticatedApp: [
      "GET /app/installation-requests"
    ],
    listInstallations: ["GET /app/installations"],
    listInstallationsForAuthenticatedUser: ["GET /user/installations"],
    listPlans: ["GET /marketplace_listing/plans"],
    listPlansStubbed: ["GET /marketplace_listing/stubbed/plans"],
    listReposAccessibleToInstallation: ["GET /installation/repositories"],
    listSubscriptionsForAuthenticatedUser: ["GET /user/marketplace_purchases"],
    listSubscriptionsForAuthenticatedUserStubbed: [
      "GET /user/marketplace_purchases/stubbed"
    ],
    listWebhookDeliveries: ["GET /app/hook/deliveries"],
    redeliverWebhookDelivery: [
      "POST /app/hook/deliveries/{delivery_id}/attempts"
    ],
    removeRepoFromInstallation: [
      "DELETE /user/installations/{installation_id}/repositories/{repository_id}",
      {},
      { renamed: ["apps", "removeRepoFromInstallationForAuthenticatedUser"] }
    ],
    removeRepoFromInstallationForAuthenticatedUser: [
      "DELETE /user/installations/{installation_id}/repositories/{repository_id}"
    ],
    resetToken: ["PATCH /applications/{client_id}/token"],
    revokeInstallationAccessToken: ["DELETE /installation/token"],
    scopeToken: ["POST /applications/{client_id}/token/scoped"],
    suspendInstallation: ["PUT /app/installations/{installation_id}/suspended"],
    unsuspendInstallation: [
      "DELETE /app/installations/{installation_id}/suspended"
    ],
    updateWebhookConfigForApp: ["PATCH /app/hook/config"]
  },
  billing: {
    getGithubActionsBillingOrg: ["GET /orgs/{org}/settings/billing/actions"],
    getGithubActionsBillingUser: [
      "GET /users/{username}/settings/billing/actions"
    ],
    getGithubBillingPremiumRequestUsageReportOrg: [
      "GET /organizations/{org}/settings/billing/premium_request/usage"
    ],
    getGithubBillingPremiumRequestUsageReportUser: [
      "GET /users/{username}/settings/billing/premium_request/usage"
    ],
    getGithubBillingUsageReportOrg: [
      "GET /organizations/{org}/settings/billing/usage"
    ],
    getGithubBillingUsageReportUser: [
      "GET /users/{username}/settings/billing/usage"
    ],
    getGithubPackagesBillingOrg: ["GET /orgs/{org}/settings/billing/packages"],
    getGithubPackagesBillingUser: [
      "GET /users/{username}/settings/billing/packages"
    ],
    getSharedStorageBillingOrg: [
      "GET /orgs/{org}/settings/billing/shared-storage"
    ],
    getSharedStorageBillingUser: [
      "GET /users/{username}/settings/billing/shared-storage"
    ]
  },
  campaigns: {
    createCampaign: ["POST /orgs/{org}/campaigns"],
    deleteCampaign: ["DELETE /orgs/{org}/campaigns/{campaign_number}"],
    getCampaignSummary: ["GET /orgs/{org}/campaigns/{campaign_number}"],
    listOrgCampaigns: ["GET /orgs/{org}/campaigns"],
    updateCampaign: ["PATCH /orgs/{org}/campaigns/{campaign_number}"]
  },
  checks: {
    create: ["POST /repos/{owner}/{repo}/check-runs"],
    createSuite: ["POST /repos/{owner}/{repo}/check-suites"],
    get: ["GET /repos/{owner}/{repo}/check-runs/{check_run_id}"],
    getSuite: ["GET /repos/{owner}/{repo}/check-suites/{check_suite_id}"],
    listAnnotations: [
      "GET /repos/{owner}/{repo}/check-runs/{check_run_id}/annotations"
    ],
    listForRef: ["GET /repos/{owner}/{repo}/commits/{ref}/check-runs"],
    listForSuite: [
      "GET /repos/{owner}/{repo}/check-suites/{check_suite_id}/check-runs"
    ],
    listSuitesForRef: ["GET /repos/{owner}/{repo}/commits/{ref}/check-suites"],
    rerequestRun: [
      "POST /repos/{owner}/{repo}/check-runs/{check_run_id}/rerequest"
    ],
    rerequestSuite: [
      "POST /repos/{owner}/{repo}/check-suites/{check_suite_id}/rerequest"
    ],
    setSuitesPreferences: [
      "PATCH /repos/{owner}/{repo}/check-suites/preferences"
    ],
    update: ["PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}"]
  },
  codeScanning: {
    commitAutofix: [
      "POST /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}/autofix/commits"
    ],
    createAutofix: [
      "POST /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}/autofix"
    ],
    createVariantAnalysis: [
      "POST /repos/{owner}/{repo}/code-scanning/codeql/variant-analyses"
    ],
    deleteAnalysis: [
      "DELETE /repos/{owner}/{repo}/code-scanning/analyses/{analysis_id}{?confirm_delete}"
    ],
    deleteCodeqlDatabase: [
      "DELETE /repos/{owner}/{repo}/code-scanning/codeql/databases/{language}"
    ],
    getAlert: [
      "GET /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}",
      {},
      { renamedParameters: { alert_id: "alert_number" } }
    ],
    getAnalysis: [
      "GET /repos/{owner}/{repo}/code-scanning/analyses/{analysis_id}"
    ],
    getAutofix: [
      "GET /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}/autofix"
    ],
    getCodeqlDatabase: [
      "GET /repos/{owner}/{repo}/code-scanning/codeql/databases/{language}"
    ],
    getDefaultSetup: ["GET /repos/{owner}/{repo}/code-scanning/default-setup"],
    getSarif: ["GET /repos/{owner}/{repo}/code-scanning/sarifs/{sarif_id}"],
    getVariantAnalysis: [
      "GET /repos/{owner}/{repo}/code-scanning/codeql/variant-analyses/{codeql_variant_analysis_id}"
    ],
    getVariantAnalysisRepoTask: [
      "GET /repos/{owner}/{repo}/code-scanning/codeql/variant-analyses/{codeql_variant_analysis_id}/repos/{repo_owner}/{repo_name}"
    ],
    listAlertInstances: [
      "GET /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}/instances"
    ],
    listAlertsForOrg: ["GET /orgs/{org}/code-scanning/alerts"],
    listAlertsForRepo: ["GET /repos/{owner}/{repo}/code-scanning/alerts"],
    listAlertsInstances: [
      "GET /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}/instances",
      {},
      { renamed: ["codeScanning", "listAlertInstances"] }
    ],
    listCodeqlDatabases: [
      "GET /repos/{owner}/{repo}/code-scanning/codeql/databases"
    ],
    listRecentAnalyses: ["GET /repos/{owner}/{repo}/code-scanning/analyses"],
    updateAlert: [
      "PATCH /repos/{owner}/{repo}/code-scanning/alerts/{alert_number}"
    ],
    updateDefaultSetup: [
      "PATCH /repos/{owner}/{repo}/code-scanning/default-setup"
    ],
    uploadSarif: ["POST /repos/{owner}/{repo}/code-scanning/sarifs"]
  },
  codeSecurity: {
    attachConfiguration: [
      "POST /orgs/{org}/code-security/configurations/{configuration_id}/attach"
    ],
    attachEnterpriseConfiguration: [
      "POST /enterprises/{enterprise}/code-security/configurations/{configuration_id}/attach"
    ],
    createConfiguration: ["POST /orgs/{org}/code-security/configurations"],
    createConfigurationForEnterprise: [
      "POST /enterprises/{enterprise}/code-security/configurations"
    ],
    deleteConfiguration: [
      "DELETE /orgs/{org}/code-security/configurations/{configuration_id}"
    ],
    deleteConfigurationForEnterprise: [
      "DELETE /enterprises/{enterprise}/code-security/configurations/{configuration_id}"
    ],
    detachConfiguration: [
      "DELETE /orgs/{org}/code-security/configurations/detach"
    ],
    getConfiguration: [
      "GET /orgs/{org}/code-security/configurations/{configuration_id}"
    ],
    getConfigurationForRepository: [
      "GET /repos/{owner}/{repo}/code-security-configuration"
    ],
    getConfigurationsForEnterprise: [
      "GET /enterprises/{enterprise}/code-security/configurations"
    ],
    getConfigurationsForOrg: ["GET /orgs/{org}/code-security/configurations"],
    getDefaultConfigurations: [
      "GET /orgs/{org}/code-security/configurations/defaults"
    ],
    getDefaultConfigurationsForEnterprise: [
      "GET /enterprises/{enterprise}/code-security/configurations/defaults"
    ],
    getRepositoriesForConfiguration: [
      "GET /orgs/{org}/code-security/configurations/{configuration_id}/repositories"
    ],
    getRepositoriesForEnterpriseConfiguration: [
      "GET /enterprises/{enterprise}/code-security/configurations/{configuration_id}/repositories"
    ],
    getSingleConfigurationForEnterprise: [
      "GET /enterprises/{enterprise}/code-security/configurations/{configuration_id}"
    ],
    setConfigurationAsDefault: [
      "PUT /orgs/{org}/code-security/configurations/{configuration_id}/defaults"
    ],
    setConfigurationAsDefaultForEnterprise: [
      "PUT /enterprises/{enterprise}/code-security/configurations/{configuration_id}/defaults"
    ],
    updateConfiguration: [
      "PATCH /orgs/{org}/code-security/configurations/{configuration_id}"
    ],
    updateEnterpriseConfiguration: [
      "PATCH /enterprises/{enterprise}/code-security/configurations/{configuration_id}"
    ]
  },
  codesOfConduct: {
    getAllCodesOfConduct: ["GET /codes_of_conduct"],
    getConductCode: ["GET /codes_of_conduct/{key}"]
  },
  codespaces: {
    addRepositoryForSecretForAuthenticatedUser: [
      "PUT /user/codespaces/secrets/{secret_name}/repositories/{repository_id}"
    ],
    addSelectedRepoToOrgSecret: [
      "PUT /orgs/{org}/codespaces/secrets/{secret_name}/repositories/{repository_id}"
    ],
    checkPermissionsForDevcontainer: [
      "GET /repos/{owner}/{repo}/codespaces/permissions_check"
    ],
    codespaceMachinesForAuthenticatedUser: [
      "GET /user/codespaces/{codespace_name}/machines"
    ],
    createForAuthenticatedUser: ["POST /user/codespaces"],
    createOrUpdateOrgSecret: [
      "PUT /orgs/{org}/codespaces/secrets/{secret_name}"
    ],
    createOrUpdateRepoSecret: [
      "PUT /repos/{owner}/{repo}/codespaces/secrets/{secret_name}"
    ],
    createOrUpdateSecretForAuthenticatedUser: [
      "PUT /user/codespaces/secrets/{secret_name}"
    ],
    createWithPrForAuthenticatedUser: [
      "POST /repos/{owner}/{repo}/pulls/{pull_number}/codespaces"
    ],
    createWithRepoForAuthenticatedUser: [
      "POST /repos/{owner}/{repo}/codespaces"
    ],
    deleteForAuthenticatedUser: ["DELETE /user/codespaces/{codespace_name}"],
    deleteFromOrganization: [
      "DELETE /orgs/{org}/members/{username}/codespaces/{codespace_name}"
    ],
    deleteOrgSecret: ["DELETE /orgs/{org}/codespaces/secrets/{secret_name}"],
    deleteRepoSecret: [
      "DELETE /repos/{owner}/{repo}/codespaces/secrets/{secret_name}"
    ],
    deleteSecretForAuthenticatedUser: [
      "DELETE /user/codespaces/secrets/{secret_name}"
    ],
    exportForAuthenticatedUser: [
      "POST /user/codespaces/{codespace_name}/exports"
    ],
    getCodespacesForUserInOrg: [
      "GET /orgs/{org}/members/{username}/codespaces"
    ],
    getExportDetailsForAuthenticatedUser: [
      "GET /user/codespaces/{codespace_name}/exports/{export_id}"
    ],
    getForAuthenticatedUser: ["GET /user/codespaces/{codespace_name}"],
    getOrgPublicKey: ["GET /orgs/{org}/codespaces/secrets/public-key"],
    getOrgSecret: ["GET /orgs/{org}/codespaces/secrets/{secret_name}"],
    getPublicKeyForAuthenticatedUser: [
      "GET /user/codespaces/secrets/public-key"
    ],
    getRepoPublicKey: [
      "GET /repos/{owner}/{repo}/codespaces/secrets/public-key"
    ],
    getRepoSecret: [
      "GET /repos/{owner}/{repo}/codespaces/secrets/{secret_name}"
    ],
    getSecretForAuthenticatedUser: [
      "GET /user/codespaces/secrets/{secret_name}"
    ],
    listDevcontainersInRepositoryForAuthenticatedUser: [
      "GET /repos/{owner}/{repo}/codespaces/devcontainers"
    ],
    listForAuthenticatedUser: ["GET /user/codespaces"],
    listInOrganization: [
      "GET /orgs/{org}/codespaces",
      {},
      { renamedParameters: { org_id: "org" } }
    ],
    listInRepositoryForAuthenticatedUser: [
      "GET /repos/{owner}/{repo}/codespaces"
    ],
    listOrgSecrets: ["GET /orgs/{org}/codespaces/secrets"],
    listRepoSecrets: ["GET /repos/{owner}/{repo}/codespaces/secrets"],
    listRepositoriesForSecretForAuthenticatedUser: [
      "GET /user/codespaces/secrets/{secret_name}/repositories"
    ],
    listSecretsForAuthenticatedUser: ["GET /user/codespaces/secrets"],
    listSelectedReposForOrgSecret: [
      "GET /orgs/{org}/codespaces/secrets/{secret_name}/repositories"
    ],
    preFlightWithRepoForAuthenticatedUser: [
      "GET /repos/{owner}/{repo}/codespaces/new"
    ],
    publishForAuthenticatedUser: [
      "POST /user/codespaces/{codespace_name}/publish"
    ],
    removeRepositoryForSecretForAuthenticatedUser: [
      "DELETE /user/codespaces/secrets/{secret_name}/repositories/{repository_id}"
    ],
    removeSelectedRepoFromOrgSecret: [
      "DELETE /orgs/{org}/codespaces/secrets/{secret_name}/repositories/{repository_id}"
    ],
    repoMachinesForAuthenticatedUser: [
      "GET /repos/{owner}/{repo}/codespaces/machines"
    ],
    setRepositoriesForSecretForAuthenticatedUser: [
      "PUT /user/codespaces/secrets/{secret_name}/repositories"
    ],
    setSelectedReposForOrgSecret: [
      "PUT /orgs/{org}/codespaces/secrets/{secret_name}/repositories"
    ],
    startForAuthenticatedUser: ["POST /user/codespaces/{codespace_name}/start"],
    stopForAuthenticatedUser: ["POST /user/codespaces/{codespace_name}/stop"],
    stopInOrganization: [
      "POST /orgs/{org}/members/{username}/codespaces/{codespace_name}/stop"
    ],
    updateForAuthenticatedUser: ["PATCH /user/codespaces/{codespace_name}"]
  },
  copilot: {
    addCopilotSeatsForTeams: [
      "POST /orgs/{org}/copilot/billing/selected_teams"
    ],
    addCopilotSeatsForUsers: [
      "POST /orgs/{org}/copilot/billing/selected_users"
    ],
    cancelCopilotSeatAssignmentForTeams: [
      "DELETE /orgs/{org}/copilot/billing/selected_teams"
    ],
    cancelCopilotSeatAssignmentForUsers: [
      "DELETE /orgs/{org}/copilot/billing/selected_users"
    ],
    copilotMetricsForOrganization: ["GET /orgs/{org}/copilot/metrics"],
    copilotMetricsForTeam: ["GET /orgs/{org}/team/{team_slug}/copilot/metrics"],
    getCopilotOrganizationDetails: ["GET /orgs/{org}/copilot/billing"],
    getCopilotSeatDetailsForUser: [
      "GET /orgs/{org}/members/{username}/copilot"
    ],
    listCopilotSeats: ["GET /orgs/{org}/copilot/billing/seats"]
  },
  credentials: { revoke: ["POST /credentials/revoke"] },
  dependabot: {
    addSelectedRepoToOrgSecret: [
      "PUT /orgs/{org}/dependabot/secrets/{secret_name}/repositories/{repository_id}"
    ],
    createOrUpdateOrgSecret: [
      "PUT /orgs/{org}/dependabot/secrets/{secret_name}"
    ],
    createOrUpdateRepoSecret: [
      "PUT /repos/{owner}/{repo}/dependabot/secrets/{secret_name}"
    ],
    deleteOrgSecret: ["DELETE /orgs/{org}/dependabot/secrets/{secret_name}"],
    deleteRepoSecret: [
      "DELETE /repos/{owner}/{repo}/dependabot/secrets/{secret_name}"
    ],
    getAlert: ["GET /repos/{owner}/{repo}/dependabot/alerts/{alert_number}"],
    getOrgPublicKey: ["GET /orgs/{org}/dependabot/secrets/public-key"],
    getOrgSecret: ["GET /orgs/{org}/dependabot/secrets/{secret_name}"],
    getRepoPublicKey: [
      "GET /repos/{owner}/{repo}/dependabot/secrets/public-key"
    ],
    getRepoSecret: [
      "GET /repos/{owner}/{repo}/dependabot/secrets/{secret_name}"
    ],
    listAlertsForEnterprise: [
      "GET /enterprises/{enterprise}/dependabot/alerts"
    ],
    listAlertsForOrg: ["GET /orgs/{org}/dependabot/alerts"],
    listAlertsForRepo: ["GET /repos/{owner}/{repo}/dependabot/alerts"],
    listOrgSecrets: ["GET /orgs/{org}/dependabot/secrets"],
    listRepoSecrets: ["GET /repos/{owner}/{repo}/dependabot/secrets"],
    listSelectedReposForOrgSecret: [
      "GET /orgs/{org}/dependabot/secrets/{secret_name}/repositories"
    ],
    removeSelectedRepoFromOrgSecret: [
      "DELETE /orgs/{org}/dependabot/secrets/{secret_name}/repositories/{repository_id}"
    ],
    repositoryAccessForOrg: [
      "GET /organizations/{org}/dependabot/repository-access"
    ],
    setRepositoryAccessDefaultLevel: [
      "PUT /organizations/{org}/dependabot/repository-access/default-level"
    ],
    setSelectedReposForOrgSecret: [
      "PUT /orgs/{org}/dependabot/secrets/{secret_name}/repositories"
    ],
    updateAlert: [
      "PATCH /repos/{owner}/{repo}/dependabot/alerts/{alert_number}"
    ],
    updateRepositoryAccessForOrg: [
      "PATCH /organizations/{org}/dependabot/repository-access"
    ]
  },
  dependencyGraph: {
    createRepositorySnapshot: [
      "POST /repos/{owner}/{repo}/dependency-graph/snapshots"
    ],
    diffRange: [
      "GET /repos/{owner}/{repo}/dependency-graph/compare/{basehead}"
    ],
    exportSbom: ["GET /repos/{owner}/{repo}/dependency-graph/sbom"]
  },
  emojis: { get: ["GET /emojis"] },
  enterpriseTeamMemberships: {
    add: [
      "PUT /enterprises/{enterprise}/teams/{enterprise-team}/memberships/{username}"
    ],
    bulkAdd: [
      "POST /enterprises/{enterprise}/teams/{enterprise-team}/memberships/add"
    ],
    bulkRemove: [
      "POST /enterprises/{enterprise}/teams/{enterprise-team}/memberships/remove"
    ],
    get: [
      "GET /enterprises/{enterprise}/teams/{enterprise-team}/memberships/{username}"
    ],
    list: ["GET /enterprises/{enterprise}/teams/{enterprise-team}/memberships"],
    remove: [
      "DELETE /enterprises/{enterprise}/teams/{enterprise-team}/memberships/{username}"
    ]
  },
  enterpriseTeamOrganizations: {
    add: [
      "PUT /enterprises/{enterprise}/teams/{enterprise-team}/organizations/{org}"
    ],
    bulkAdd: [
      "POST /enterprises/{enterprise}/teams/{enterprise-team}/organizations/add"
    ],
    bulkRemove: [
      "POST /enterprises/{enterprise}/teams/{enterprise-team}/organizations/remove"
    ],
    delete: [
      "DELETE /enterprises/{enterprise}/teams/{enterprise-team}/organizations/{org}"
    ],
    getAssignment: [
      "GET /enterprises/{enterprise}/teams/{enterprise-team}/organizations/{org}"
    ],
    getAssignments: [
      "GET /enterprises/{enterprise}/teams/{enterprise-team}/organizations"
    ]
  },
  enterpriseTeams: {
    create: ["POST /enterprises/{enterprise}/teams"],
    delete: ["DELETE /enterprises/{enterprise}/teams/{team_slug}"],
    get: ["GET /enterprises/{enterprise}/teams/{team_slug}"],
    list: ["GET /enterprises/{enterprise}/teams"],
    update: ["PATCH /enterprises/{enterprise}/teams/{team_slug}"]
  },
  gists: {
    checkIsStarred: ["GET /gists/{gist_id}/star"],
    create: ["POST /gists"],
    createComment: ["POST /gists/{gist_id}/comments"],
    delete: ["DELETE /gists/{gist_id}"],
    deleteComment: ["DELETE /gists/{gist_id}/comments/{comment_id}"],
    fork: ["POST /gists/{gist_id}/forks"],
    get: ["GET /gists/{gist_id}"],
    getComment: ["GET /gists/{gist_id}/comments/{comment_id}"],
    getRevision: ["GET /gists/{gist_id}/{sha}"],
    list: ["GET /gists"],
    listComments: ["GET /gists/{gist_id}/comments"],
    listCommits: ["GET /gists/{gist_id}/commits"],
    listForUser: ["GET /users/{username}/gists"],
    listForks: ["GET /gists/{gist_id}/forks"],
    listPublic: ["GET /gists/public"],
    listStarred: ["GET /gists/starred"],
    star: ["PUT /gists/{gist_id}/star"],
    unstar: ["DELETE /gists/{gist_id}/star"],
    update: ["PATCH /gists/{gist_id}"],
    updateComment: ["PATCH /gists/{gist_id}/comments/{comment_id}"]
  },
  git: {
    createBlob: ["POST /repos/{owner}/{repo}/git/blobs"],
    createCommit: ["POST /repos/{owner}/{repo}/git/commits"],
    createRef: ["POST /repos/{owner}/{repo}/git/refs"],
    createTag: ["POST /repos/{owner}/{repo}/git/tags"],
    createTree: ["POST /repos/{owner}/{repo}/git/trees"],
    deleteRef: ["DELETE /repos/{owner}/{repo}/git/refs/{ref}"],
    getBlob: ["GET /repos/{owner}/{repo}/git/blobs/{file_sha}"],
    getCommit: ["GET /repos/{owner}/{repo}/git/commits/{commit_sha}"],
    getRef: ["GET /repos/{owner}/{repo}/git/ref/{ref}"],
    getTag: ["GET /repos/{owner}/{repo}/git/tags/{tag_sha}"],
    getTree: ["GET /repos/{owner}/{repo}/git/trees/{tree_sha}"],
    listMatchingRefs: ["GET /repos/{owner}/{repo}/git/matching-refs/{ref}"],
    updateRef: ["PATCH /repos/{owner}/{repo}/git/refs/{ref}"]
  },
  gitignore: {
    getAllTemplates: ["GET /gitignore/templates"],
    getTemplate: ["GET /gitignore/templates/{name}"]
  },
  hostedCompute: {
    createNetworkConfigurationForOrg: [
      "POST /orgs/{org}/settings/network-configurations"
    ],
    deleteNetworkConfigurationFromOrg: [
      "DELETE /orgs/{org}/settings/network-configurations/{network_configuration_id}"
    ],
    getNetworkConfigurationForOrg: [
      "GET /orgs/{org}/settings/network-configurations/{network_configuration_id}"
    ],
    getNetworkSettingsForOrg: [
      "GET /orgs/{org}/settings/network-settings/{network_settings_id}"
    ],
    listNetworkConfigurationsForOrg: [
      "GET /orgs/{org}/settings/network-configurations"
    ],
    updateNetworkConfigurationForOrg: [
      "PATCH /orgs/{org}/settings/network-configurations/{network_configuration_id}"
    ]
  },
  interactions: {
    getRestrictionsForAuthenticatedUser: ["GET /user/interaction-limits"],
    getRestrictionsForOrg: ["GET /orgs/{org}/interaction-limits"],
    getRestrictionsForRepo: ["GET /repos/{owner}/{repo}/interaction-limits"],
    getRestrictionsForYourPublicRepos: [
      "GET /user/interaction-limits",
      {},
      { renamed: ["interactions", "getRestrictionsForAuthenticatedUser"] }
    ],
    removeRestrictionsForAuthenticatedUser: ["DELETE /user/interaction-limits"],
    removeRestrictionsForOrg: ["DELETE /orgs/{org}/interaction-limits"],
    removeRestrictionsForRepo: [
      "DELETE /repos/{owner}/{repo}/interaction-limits"
    ],
    removeRestrictionsForYourPublicRepos: [
      "DELETE /user/interaction-limits",
      {},
      { renamed: ["interactions", "removeRestrictionsForAuthenticatedUser"] }
    ],
    setRestrictionsForAuthenticatedUser: ["PUT /user/interaction-limits"],
    setRestrictionsForOrg: ["PUT /orgs/{org}/interaction-limits"],
    setRestrictionsForRepo: ["PUT /repos/{owner}/{repo}/interaction-limits"],
    setRestrictionsForYourPublicRepos: [
      "PUT /user/interaction-limits",
      {},
      { renamed: ["interactions", "setRestrictionsForAuthenticatedUser"] }
    ]
  },
  issues: {
    addAssignees: [
      "POST /repos/{owner}/{repo}/issues/{issue_number}/assignees"
    ],
    addBlockedByDependency: [
      "POST /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocked_by"
    ],
    addLabels: ["POST /repos/{owner}/{repo}/issues/{issue_number}/labels"],
    addSubIssue: [
      "POST /repos/{owner}/{repo}/issues/{issue_number}/sub_issues"
    ],
    checkUserCanBeAssigned: ["GET /repos/{owner}/{repo}/assignees/{assignee}"],
    checkUserCanBeAssignedToIssue: [
      "GET /repos/{owner}/{repo}/issues/{issue_number}/assignees/{assignee}"
    ],
    create: ["POST /repos/{owner}/{repo}/issues"],
    createComment: [
      "POST /repos/{owner}/{repo}/issues/{issue_number}/comments"
    ],
    createLabel: ["POST /repos/{owner}/{repo}/labels"],
    createMilestone: ["POST /repos/{owner}/{repo}/milestones"],
    deleteComment: [
      "DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}"
    ],
    deleteLabel: ["DELETE /repos/{owner}/{repo}/labels/{name}"],
    deleteMilestone: [
      "DELETE /repos/{owner}/{repo}/milestones/{milestone_number}"
    ],
    get: ["GET /repos/{owner}/{repo}/issues/{issue_number}"],
    getComment: ["GET /repos/{owner}/{repo}/issues/comments/{comment_id}"],
    getEvent: ["GET /repos/{owner}/{repo}/issues/events/{event_id}"],
    getLabel: ["GET /repos/{owner}/{repo}/labels/{name}"],
    getMilestone: ["GET /repos/{owner}/{repo}/milestones/{milestone_number}"],
    getParent: ["GET /repos/{owner}/{repo}/issues/{issue_number}/parent"],
    list: ["GET /issues"],
    listAssignees: ["GET /repos/{owner}/{repo}/assignees"],
    listComments: ["GET /repos/{owner}/{repo}/issues/{issue_number}/comments"],
    listCommentsForRepo: ["GET /repos/{owner}/{repo}/issues/comments"],
    listDependenciesBlockedBy: [
      "GET /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocked_by"
    ],
    listDependenciesBlocking: [
      "GET /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocking"
    ],
    listEvents: ["GET /repos/{owner}/{repo}/issues/{issue_number}/events"],
    listEventsForRepo: ["GET /repos/{owner}/{repo}/issues/events"],
    listEventsForTimeline: [
      "GET /repos/{owner}/{repo}/issues/{issue_number}/timeline"
    ],
    listForAuthenticatedUser: ["GET /user/issues"],
    listForOrg: ["GET /orgs/{org}/issues"],
    listForRepo: ["GET /repos/{owner}/{repo}/issues"],
    listLabelsForMilestone: [
      "GET /repos/{owner}/{repo}/milestones/{milestone_number}/labels"
    ],
    listLabelsForRepo: ["GET /repos/{owner}/{repo}/labels"],
    listLabelsOnIssue: [
      "GET /repos/{owner}/{repo}/issues/{issue_number}/labels"
    ],
    listMilestones: ["GET /repos/{owner}/{repo}/milestones"],
    listSubIssues: [
      "GET /repos/{owner}/{repo}/issues/{issue_number}/sub_issues"
    ],
    lock: ["PUT /repos/{owner}/{repo}/issues/{issue_number}/lock"],
    removeAllLabels: [
      "DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels"
    ],
    removeAssignees: [
      "DELETE /repos/{owner}/{repo}/issues/{issue_number}/assignees"
    ],
    removeDependencyBlockedBy: [
      "DELETE /repos/{owner}/{repo}/issues/{issue_number}/dependencies/blocked_by/{issue_id}"
    ],
    removeLabel: [
      "DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}"
    ],
    removeSubIssue: [
      "DELETE /repos/{owner}/{repo}/issues/{issue_number}/sub_issue"
    ],
    reprioritizeSubIssue: [
      "PATCH /repos/{owner}/{repo}/issues/{issue_number}/sub_issues/priority"
    ],
    setLabels: ["PUT /repos/{owner}/{repo}/issues/{issue_number}/labels"],
    unlock: ["DELETE /repos/{owner}/{repo}/issues/{issue_number}/lock"],
    update: ["PATCH /repos/{owner}/{repo}/issues/{issue_number}"],
    updateComment: ["PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}"],
    updateLabel: ["PATCH /repos/{owner}/{repo}/labels/{name}"],
    updateMilestone: [
      "PATCH /repos/{owner}/{repo}/milestones/{milestone_number}"
    ]
  },
  licenses: {
    get: ["GET /licenses/{license}"],
    getAllCommonlyUsed: ["GET /licenses"],
    getForRepo: ["GET /repos/{owner}/{repo}/license"]
  },
  markdown: {
    render: ["POST /markdown"],
    renderRaw: [
      "POST /markdown/raw",
      { headers: { "content-type": "text/plain; charset=utf-8" } }
    ]
  },
  meta: {
    get: ["GET /meta"],
    getAllVersions: ["GET /versions"],
    getOctocat: ["GET /octocat"],
    getZen: ["GET /zen"],
    root: ["GET /"]
  },
  migrations: {
    deleteArchiveForAuthenticatedUser: [
      "DELETE /user/migrations/{migration_id}/archive"
    ],
    deleteArchiveForOrg: [
      "DELETE /orgs/{org}/migrations/{migration_id}/archive"
    ],
    downloadArchiveForOrg: [
      "GET /orgs/{org}/migrations/{migration_id}/archive"
    ],
    getArchiveForAuthenticatedUser: [
      "GET /user/migrations/{migration_id}/archive"
    ],
    getStatusForAuthenticatedUser: ["GET /user/migrations/{migration_id}"],
    getStatusForOrg: ["GET /orgs/{org}/migrations/{migration_id}"],
    listForAuthenticatedUser: ["GET /user/migrations"],
    listForOrg: ["GET /orgs/{org}/migrations"],
    listReposForAuthenticatedUser: [
      "GET /user/migrations/{migration_id}/repositories"
    ],
    listReposForOrg: ["GET /orgs/{org}/migrations/{migration_id}/repositories"],
    listReposForUser: [
      "GET /user/migrations/{migration_id}/repositories",
      {},
      { renamed: ["migrations", "listReposForAuthenticatedUser"] }
    ],
    startForAuthenticatedUser: ["POST /user/migrations"],
    startForOrg: ["POST /orgs/{org}/migrations"],
    unlockRepoForAuthenticatedUser: [
      "DELETE /user/migrations/{migration_id}/repos/{repo_name}/lock"
    ],
    unlockRepoForOrg: [
      "DELETE /orgs/{org}/migrations/{migration_id}/repos/{repo_name}/lock"
    ]
  },
  oidc: {
    getOidcCustomSubTemplateForOrg: [
      "GET /orgs/{org}/actions/oidc/customization/sub"
    ],
    updateOidcCustomSubTemplateForOrg: [
      "PUT /orgs/{org}/actions/oidc/customization/sub"
    ]
  },
  orgs: {
    addSecurityManagerTeam: [
      "PUT /orgs/{org}/security-managers/teams/{team_slug}",
      {},
      {
        deprecated: "octokit.rest.orgs.addSecurityManagerTeam() is deprecated, see https://docs.github.com/rest/orgs/security-managers#add-a-security-manager-team"
      }
    ],
    assignTeamToOrgRole: [
      "PUT /orgs/{org}/organization-roles/teams/{team_slug}/{role_id}"
    ],
    assignUserToOrgRole: [
      "PUT /orgs/{org}/organization-roles/users/{username}/{role_id}"
    ],
    blockUser: ["PUT /orgs/{org}/blocks/{username}"],
    cancelInvitation: ["DELETE /orgs/{org}/invitations/{invitation_id}"],
    checkBlockedUser: ["GET /orgs/{org}/blocks/{username}"],
    checkMembershipForUser: ["GET /orgs/{org}/members/{username}"],
    checkPublicMembershipForUser: ["GET /orgs/{org}/public_members/{username}"],
    convertMemberToOutsideCollaborator: [
      "PUT /orgs/{org}/outside_collaborators/{username}"
    ],
    createArtifactStorageRecord: [
      "POST /orgs/{org}/artifacts/metadata/storage-record"
    ],
    createInvitation: ["POST /orgs/{org}/invitations"],
    createIssueType: ["POST /orgs/{org}/issue-types"],
    createWebhook: ["POST /orgs/{org}/hooks"],
    customPropertiesForOrgsCreateOrUpdateOrganizationValues: [
      "PATCH /organizations/{org}/org-properties/values"
    ],
    customPropertiesForOrgsGetOrganizationValues: [
      "GET /organizations/{org}/org-properties/values"
    ],
    customPropertiesForReposCreateOrUpdateOrganizationDefinition: [
      "PUT /orgs/{org}/properties/schema/{custom_property_name}"
    ],
    customPropertiesForReposCreateOrUpdateOrganizationDefinitions: [
      "PATCH /orgs/{org}/properties/schema"
    ],
    customPropertiesForReposCreateOrUpdateOrganizationValues: [
      "PATCH /orgs/{org}/properties/values"
    ],
    customPropertiesForReposDeleteOrganizationDefinition: [
      "DELETE /orgs/{org}/properties/schema/{custom_property_name}"
    ],
    customPropertiesForReposGetOrganizationDefinition: [
      "GET /orgs/{org}/properties/schema/{custom_property_name}"
    ],
    customPropertiesForReposGetOrganizationDefinitions: [
      "GET /orgs/{org}/properties/schema"
    ],
    customPropertiesForReposGetOrganizationValues: [
      "GET /orgs/{org}/properties/values"
    ],
    delete: ["DELETE /orgs/{org}"],
    deleteAttestationsBulk: ["POST /orgs/{org}/attestations/delete-request"],
    deleteAttestationsById: [
      "DELETE /orgs/{org}/attestations/{attestation_id}"
    ],
    deleteAttestationsBySubjectDigest: [
      "DELETE /orgs/{org}/attestations/digest/{subject_digest}"
    ],
    deleteIssueType: ["DELETE /orgs/{org}/issue-types/{issue_type_id}"],
    deleteWebhook: ["DELETE /orgs/{org}/hooks/{hook_id}"],
    disableSelectedRepositoryImmutableReleasesOrganization: [
      "DELETE /orgs/{org}/settings/immutable-releases/repositories/{repository_id}"
    ],
    enableSelectedRepositoryImmutableReleasesOrganization: [
      "PUT /orgs/{org}/settings/immutable-releases/repositories/{repository_id}"
    ],
    get: ["GET /orgs/{org}"],
    getImmutableReleasesSettings: [
      "GET /orgs/{org}/settings/immutable-releases"
    ],
    getImmutableReleasesSettingsRepositories: [
      "GET /orgs/{org}/settings/immutable-releases/repositories"
    ],
    getMembershipForAuthenticatedUser: ["GET /user/memberships/orgs/{org}"],
    getMembershipForUser: ["GET /orgs/{org}/memberships/{username}"],
    getOrgRole: ["GET /orgs/{org}/organization-roles/{role_id}"],
    getOrgRulesetHistory: ["GET /orgs/{org}/rulesets/{ruleset_id}/history"],
    getOrgRulesetVersion: [
      "GET /orgs/{org}/rulesets/{ruleset_id}/history/{version_id}"
    ],
    getWebhook: ["GET /orgs/{org}/hooks/{hook_id}"],
    getWebhookConfigForOrg: ["GET /orgs/{org}/hooks/{hook_id}/config"],
    getWebhookDelivery: [
      "GET /orgs/{org}/hooks/{hook_id}/deliveries/{delivery_id}"
    ],
    list: ["GET /organizations"],
    listAppInstallations: ["GET /orgs/{org}/installations"],
    listArtifactStorageRecords: [
      "GET /orgs/{org}/artifacts/{subject_digest}/metadata/storage-records"
    ],
    listAttestationRepositories: ["GET /orgs/{org}/attestations/repositories"],
    listAttestations: ["GET /orgs/{org}/attestations/{subject_digest}"],
    listAttestationsBulk: [
      "POST /orgs/{org}/attestations/bulk-list{?per_page,before,after}"
    ],
    listBlockedUsers: ["GET /orgs/{org}/blocks"],
    listFailedInvitations: ["GET /orgs/{org}/failed_invitations"],
    listForAuthenticatedUser: ["GET /user/orgs"],
    listForUser: ["GET /users/{username}/orgs"],
    listInvitationTeams: ["GET /orgs/{org}/invitations/{invitation_id}/teams"],
    listIssueTypes: ["GET /orgs/{org}/issue-types"],
    listMembers: ["GET /orgs/{org}/members"],
    listMembershipsForAuthenticatedUser: ["GET /user/memberships/orgs"],
    listOrgRoleTeams: ["GET /orgs/{org}/organization-roles/{role_id}/teams"],
    listOrgRoleUsers: ["GET /orgs/{org}/organization-roles/{role_id}/users"],
    listOrgRoles: ["GET /orgs/{org}/organization-roles"],
    listOrganizationFineGrainedPermissions: [
      "GET /orgs/{org}/organization-fine-grained-permissions"
    ],
    listOutsideCollaborators: ["GET /orgs/{org}/outside_collaborators"],
    listPatGrantRepositories: [
      "GET /orgs/{org}/personal-access-tokens/{pat_id}/repositories"
    ],
    listPatGrantRequestRepositories: [
      "GET /orgs/{org}/personal-access-token-requests/{pat_request_id}/repositories"
    ],
    listPatGrantRequests: ["GET /orgs/{org}/personal-access-token-requests"],
    listPatGrants: ["GET /orgs/{org}/personal-access-tokens"],
    listPendingInvitations: ["GET /orgs/{org}/invitations"],
    listPublicMembers: ["GET /orgs/{org}/public_members"],
    listSecurityManagerTeams: [
      "GET /orgs/{org}/security-managers",
      {},
      {
        deprecated: "octokit.rest.orgs.listSecurityManagerTeams() is deprecated, see https://docs.github.com/rest/orgs/security-managers#list-security-manager-teams"
      }
    ],
    listWebhookDeliveries: ["GET /orgs/{org}/hooks/{hook_id}/deliveries"],
    listWebhooks: ["GET /orgs/{org}/hooks"],
    pingWebhook: ["POST /orgs/{org}/hooks/{hook_id}/pings"],
    redeliverWebhookDelivery: [
      "POST /orgs/{org}/hooks/{hook_id}/deliveries/{delivery_id}/attempts"
    ],
    removeMember: ["DELETE /orgs/{org}/members/{username}"],
    removeMembershipForUser: ["DELETE /orgs/{org}/memberships/{username}"],
    removeOutsideCollaborator: [
      "DELETE /orgs/{org}/outside_collaborators/{username}"
    ],
    removePublicMembershipForAuthenticatedUser: [
      "DELETE /orgs/{org}/public_members/{username}"
    ],
    removeSecurityManagerTeam: [
      "DELETE /orgs/{org}/security-managers/teams/{team_slug}",
      {},
      {
        deprecated: "octokit.rest.orgs.removeSecurityManagerTeam() is deprecated, see https://docs.github.com/rest/orgs/security-managers#remove-a-security-manager-team"
      }
    ],
    reviewPatGrantRequest: [
      "POST /orgs/{org}/personal-access-token-requests/{pat_request_id}"
    ],
    reviewPatGrantRequestsInBulk: [
      "POST /orgs/{org}/personal-access-token-requests"
    ],
    revokeAllOrgRolesTeam: [
      "DELETE /orgs/{org}/organization-roles/teams/{team_slug}"
    ],
    revokeAllOrgRolesUser: [
      "DELETE /orgs/{org}/organization-roles/users/{username}"
    ],
    revokeOrgRoleTeam: [
      "DELETE /orgs/{org}/organization-roles/teams/{team_slug}/{role_id}"
    ],
    revokeOrgRoleUser: [
      "DELETE /orgs/{org}/organization-roles/users/{username}/{role_id}"
    ],
    setImmutableReleasesSettings: [
      "PUT /orgs/{org}/settings/immutable-releases"
    ],
    setImmutableReleasesSettingsRepositories: [
      "PUT /orgs/{org}/settings/immutable-releases/repositories"
    ],
    setMembershipForUser: ["PUT /orgs/{org}/memberships/{username}"],
    setPublicMembershipForAuthenticatedUser: [
      "PUT /orgs/{org}/public_members/{username}"
    ],
    unblockUser: ["DELETE /orgs/{org}/blocks/{username}"],
    update: ["PATCH /orgs/{org}"],
    updateIssueType: ["PUT /orgs/{org}/issue-types/{issue_type_id}"],
    updateMembershipForAuthenticatedUser: [
      "PATCH /user/memberships/orgs/{org}"
    ],
    updatePatAccess: ["POST /orgs/{org}/personal-access-tokens/{pat_id}"],
    updatePatAccesses: ["POST /orgs/{org}/personal-access-tokens"],
    updateWebhook: ["PATCH /orgs/{org}/hooks/{hook_id}"],
    updateWebhookConfigForOrg: ["PATCH /orgs/{org}/hooks/{hook_id}/config"]
  },
  packages: {
    deletePackageForAuthenticatedUser: [
      "DELETE /user/packages/{package_type}/{package_name}"
    ],
    deletePackageForOrg: [
      "DELETE /orgs/{org}/packages/{package_type}/{package_name}"
    ],
    deletePackageForUser: [
      "DELETE /users/{username}/packages/{package_type}/{package_name}"
    ],
    deletePackageVersionForAuthenticatedUser: [
      "DELETE /user/packages/{package_type}/{package_name}/versions/{package_version_id}"
    ],
    deletePackageVersionForOrg: [
      "DELETE /orgs/{org}/packages/{package_type}/{package_name}/versions/{package_version_id}"
    ],
    deletePackageVersionForUser: [
      "DELETE /users/{username}/packages/{package_type}/{package_name}/versions/{package_version_id}"
    ],
    getAllPackageVersionsForAPackageOwnedByAnOrg: [
      "GET /orgs/{org}/packages/{package_type}/{package_name}/versions",
      {},
      { renamed: ["packages", "getAllPackageVersionsForPackageOwnedByOrg"] }
    ],
    getAllPackageVersionsForAPackageOwnedByTheAuthenticatedUser: [
      "GET /user/packages/{package_type}/{package_name}/versions",
      {},
      {
        renamed: [
          "packages",
          "getAllPackageVersionsForPackageOwnedByAuthenticatedUser"
        ]
      }
    ],
    getAllPackageVersionsForPackageOwnedByAuthenticatedUser: [
      "GET /user/packages/{package_type}/{package_name}/versions"
    ],
    getAllPackageVersionsForPackageOwnedByOrg: [
      "GET /orgs/{org}/packages/{package_type}/{package_name}/versions"
    ],
    getAllPackageVersionsForPackageOwnedByUser: [
      "GET /users/{username}/packages/{package_type}/{package_name}/versions"
    ],
    getPackageForAuthenticatedUser: [
      "GET /user/packages/{package_type}/{package_name}"
    ],
    getPackageForOrganization: [
      "GET /orgs/{org}/packages/{package_type}/{package_name}"
    ],
    getPackageForUser: [
      "GET /users/{username}/packages/{package_type}/{package_name}"
    ],
    getPackageVersionForAuthenticatedUser: [
      "GET /user/packages/{package_type}/{package_name}/versions/{package_version_id}"
    ],
    getPackageVersionForOrganization: [
      "GET /orgs/{org}/packages/{package_type}/{package_name}/versions/{package_version_id}"
    ],
    getPackageVersionForUser: [
      "GET /users/{username}/packages/{package_type}/{package_name}/versions/{package_version_id}"
    ],
    listDockerMigrationConflictingPackagesForAuthenticatedUser: [
      "GET /user/docker/conflicts"
    ],
    listDockerMigrationConflictingPackagesForOrganization: [
      "GET /orgs/{org}/docker/conflicts"
    ],
    listDockerMigrationConflictingPackagesForUser: [
      "GET /users/{username}/docker/conflicts"
    ],
    listPackagesForAuthenticatedUser: ["GET /user/packages"],
    listPackagesForOrganization: ["GET /orgs/{org}/packages"],
    listPackagesForUser: ["GET /users/{username}/packages"],
    restorePackageForAuthenticatedUser: [
      "POST /user/packages/{package_type}/{package_name}/restore{?token}"
    ],
    restorePackageForOrg: [
      "POST /orgs/{org}/packages/{package_type}/{package_name}/restore{?token}"
    ],
    restorePackageForUser: [
      "POST /users/{username}/packages/{package_type}/{package_name}/restore{?token}"
    ],
    restorePackageVersionForAuthenticatedUser: [
      "POST /user/packages/{package_type}/{package_name}/versions/{package_version_id}/restore"
    ],
    restorePackageVersionForOrg: [
      "POST /orgs/{org}/packages/{package_type}/{package_name}/versions/{package_version_id}/restore"
    ],
    restorePackageVersionForUser: [
      "POST /users/{username}/packages/{package_type}/{package_name}/versions/{package_version_id}/restore"
    ]
  },
  privateRegistries: {
    createOrgPrivateRegistry: ["POST /orgs/{org}/private-registries"],
    deleteOrgPrivateRegistry: [
      "DELETE /orgs/{org}/private-registries/{secret_name}"
    ],
    getOrgPrivateRegistry: ["GET /orgs/{org}/private-registries/{secret_name}"],
    getOrgPublicKey: ["GET /orgs/{org}/private-registries/public-key"],
    listOrgPrivateRegistries: ["GET /orgs/{org}/private-registries"],
    updateOrgPrivateRegistry: [
      "PATCH /orgs/{org}/private-registries/{secret_name}"
    ]
  },
  projects: {
    addItemForOrg: ["POST /orgs/{org}/projectsV2/{project_number}/items"],
    addItemForUser: [
      "POST /users/{username}/projectsV2/{project_number}/items"
    ],
    deleteItemForOrg: [
      "DELETE /orgs/{org}/projectsV2/{project_number}/items/{item_id}"
    ],
    deleteItemForUser: [
      "DELETE /users/{username}/projectsV2/{project_number}/items/{item_id}"
    ],
    getFieldForOrg: [
      "GET /orgs/{org}/projectsV2/{project_number}/fields/{field_id}"
    ],
    getFieldForUser: [
      "GET /users/{username}/projectsV2/{project_number}/fields/{field_id}"
    ],
    getForOrg: ["GET /orgs/{org}/projectsV2/{project_number}"],
    getForUser: ["GET /users/{username}/projectsV2/{project_number}"],
    getOrgItem: ["GET /orgs/{org}/projectsV2/{project_number}/items/{item_id}"],
    getUserItem: [
      "GET /users/{username}/projectsV2/{project_number}/items/{item_id}"
    ],
    listFieldsForOrg: ["GET /orgs/{org}/projectsV2/{project_number}/fields"],
    listFieldsForUser: [
      "GET /users/{username}/projectsV2/{project_number}/fields"
    ],
    listForOrg: ["GET /orgs/{org}/projectsV2"],
    listForUser: ["GET /users/{username}/projectsV2"],
    listItemsForOrg: ["GET /orgs/{org}/projectsV2/{project_number}/items"],
    listItemsForUser: [
      "GET /users/{username}/projectsV2/{project_number}/items"
    ],
    updateItemForOrg: [
      "PATCH /orgs/{org}/projectsV2/{project_number}/items/{item_id}"
    ],
    updateItemForUser: [
      "PATCH /users/{username}/projectsV2/{project_number}/items/{item_id}"
    ]
  },
  pulls: {
    checkIfMerged: ["GET /repos/{owner}/{repo}/pulls/{pull_number}/merge"],
    create: ["POST /repos/{owner}/{repo}/pulls"],
    createReplyForReviewComment: [
      "POST /repos/{owner}/{repo}/pulls/{pull_number}/comments/{comment_id}/replies"
    ],
    createReview: ["POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews"],
    createReviewComment: [
      "POST /repos/{owner}/{repo}/pulls/{pull_number}/comments"
    ],
    deletePendingReview: [
      "DELETE /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}"
    ],
    deleteReviewComment: [
      "DELETE /repos/{owner}/{repo}/pulls/comments/{comment_id}"
    ],
    dismissReview: [
      "PUT /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}/dismissals"
    ],
    get: ["GET /repos/{owner}/{repo}/pulls/{pull_number}"],
    getReview: [
      "GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}"
    ],
    getReviewComment: ["GET /repos/{owner}/{repo}/pulls/comments/{comment_id}"],
    list: ["GET /repos/{owner}/{repo}/pulls"],
    listCommentsForReview: [
      "GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}/comments"
    ],
    listCommits: ["GET /repos/{owner}/{repo}/pulls/{pull_number}/commits"],
    listFiles: ["GET /repos/{owner}/{repo}/pulls/{pull_number}/files"],
    listRequestedReviewers: [
      "GET /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers"
    ],
    listReviewComments: [
      "GET /repos/{owner}/{repo}/pulls/{pull_number}/comments"
    ],
    listReviewCommentsForRepo: ["GET /repos/{owner}/{repo}/pulls/comments"],
    listReviews: ["GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews"],
    merge: ["PUT /repos/{owner}/{repo}/pulls/{pull_number}/merge"],
    removeRequestedReviewers: [
      "DELETE /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers"
    ],
    requestReviewers: [
      "POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers"
    ],
    submitReview: [
      "POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}/events"
    ],
    update: ["PATCH /repos/{owner}/{repo}/pulls/{pull_number}"],
    updateBranch: [
      "PUT /repos/{owner}/{repo}/pulls/{pull_number}/update-branch"
    ],
    updateReview: [
      "PUT /repos/{owner}/{repo}/pulls/{pull_number}/reviews/{review_id}"
    ],
    updateReviewComment: [
      "PATCH /repos/{owner}/{repo}/pulls/comments/{comment_id}"
    ]
  },
  rateLimit: { get: ["GET /rate_limit"] },
  reactions: {
    createForCommitComment: [
      "POST /repos/{owner}/{repo}/comments/{comment_id}/reactions"
    ],
    createForIssue: [
      "POST /repos/{owner}/{repo}/issues/{issue_number}/reactions"
    ],
    createForIssueComment: [
      "POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions"
    ],
    createForPullRequestReviewComment: [
      "POST /repos/{owner}/{repo}/pulls/comments/{comment_id}/reactions"
    ],
    createForRelease: [
      "POST /repos/{owner}/{repo}/releases/{release_id}/reactions"
    ],
    createForTeamDiscussionCommentInOrg: [
      "POST /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments/{comment_number}/reactions"
    ],
    createForTeamDiscussionInOrg: [
      "POST /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/reactions"
    ],
    deleteForCommitComment: [
      "DELETE /repos/{owner}/{repo}/comments/{comment_id}/reactions/{reaction_id}"
    ],
    deleteForIssue: [
      "DELETE /repos/{owner}/{repo}/issues/{issue_number}/reactions/{reaction_id}"
    ],
    deleteForIssueComment: [
      "DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions/{reaction_id}"
    ],
    deleteForPullRequestComment: [
      "DELETE /repos/{owner}/{repo}/pulls/comments/{comment_id}/reactions/{reaction_id}"
    ],
    deleteForRelease: [
      "DELETE /repos/{owner}/{repo}/releases/{release_id}/reactions/{reaction_id}"
    ],
    deleteForTeamDiscussion: [
      "DELETE /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/reactions/{reaction_id}"
    ],
    deleteForTeamDiscussionComment: [
      "DELETE /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments/{comment_number}/reactions/{reaction_id}"
    ],
    listForCommitComment: [
      "GET /repos/{owner}/{repo}/comments/{comment_id}/reactions"
    ],
    listForIssue: ["GET /repos/{owner}/{repo}/issues/{issue_number}/reactions"],
    listForIssueComment: [
      "GET /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions"
    ],
    listForPullRequestReviewComment: [
      "GET /repos/{owner}/{repo}/pulls/comments/{comment_id}/reactions"
    ],
    listForRelease: [
      "GET /repos/{owner}/{repo}/releases/{release_id}/reactions"
    ],
    listForTeamDiscussionCommentInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments/{comment_number}/reactions"
    ],
    listForTeamDiscussionInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/reactions"
    ]
  },
  repos: {
    acceptInvitation: [
      "PATCH /user/repository_invitations/{invitation_id}",
      {},
      { renamed: ["repos", "acceptInvitationForAuthenticatedUser"] }
    ],
    acceptInvitationForAuthenticatedUser: [
      "PATCH /user/repository_invitations/{invitation_id}"
    ],
    addAppAccessRestrictions: [
      "POST /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/apps",
      {},
      { mapToData: "apps" }
    ],
    addCollaborator: ["PUT /repos/{owner}/{repo}/collaborators/{username}"],
    addStatusCheckContexts: [
      "POST /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks/contexts",
      {},
      { mapToData: "contexts" }
    ],
    addTeamAccessRestrictions: [
      "POST /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/teams",
      {},
      { mapToData: "teams" }
    ],
    addUserAccessRestrictions: [
      "POST /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/users",
      {},
      { mapToData: "users" }
    ],
    cancelPagesDeployment: [
      "POST /repos/{owner}/{repo}/pages/deployments/{pages_deployment_id}/cancel"
    ],
    checkAutomatedSecurityFixes: [
      "GET /repos/{owner}/{repo}/automated-security-fixes"
    ],
    checkCollaborator: ["GET /repos/{owner}/{repo}/collaborators/{username}"],
    checkImmutableReleases: ["GET /repos/{owner}/{repo}/immutable-releases"],
    checkPrivateVulnerabilityReporting: [
      "GET /repos/{owner}/{repo}/private-vulnerability-reporting"
    ],
    checkVulnerabilityAlerts: [
      "GET /repos/{owner}/{repo}/vulnerability-alerts"
    ],
    codeownersErrors: ["GET /repos/{owner}/{repo}/codeowners/errors"],
    compareCommits: ["GET /repos/{owner}/{repo}/compare/{base}...{head}"],
    compareCommitsWithBasehead: [
      "GET /repos/{owner}/{repo}/compare/{basehead}"
    ],
    createAttestation: ["POST /repos/{owner}/{repo}/attestations"],
    createAutolink: ["POST /repos/{owner}/{repo}/autolinks"],
    createCommitComment: [
      "POST /repos/{owner}/{repo}/commits/{commit_sha}/comments"
    ],
    createCommitSignatureProtection: [
      "POST /repos/{owner}/{repo}/branches/{branch}/protection/required_signatures"
    ],
    createCommitStatus: ["POST /repos/{owner}/{repo}/statuses/{sha}"],
    createDeployKey: ["POST /repos/{owner}/{repo}/keys"],
    createDeployment: ["POST /repos/{owner}/{repo}/deployments"],
    createDeploymentBranchPolicy: [
      "POST /repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies"
    ],
    createDeploymentProtectionRule: [
      "POST /repos/{owner}/{repo}/environments/{environment_name}/deployment_protection_rules"
    ],
    createDeploymentStatus: [
      "POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses"
    ],
    createDispatchEvent: ["POST /repos/{owner}/{repo}/dispatches"],
    createForAuthenticatedUser: ["POST /user/repos"],
    createFork: ["POST /repos/{owner}/{repo}/forks"],
    createInOrg: ["POST /orgs/{org}/repos"],
    createOrUpdateEnvironment: [
      "PUT /repos/{owner}/{repo}/environments/{environment_name}"
    ],
    createOrUpdateFileContents: ["PUT /repos/{owner}/{repo}/contents/{path}"],
    createOrgRuleset: ["POST /orgs/{org}/rulesets"],
    createPagesDeployment: ["POST /repos/{owner}/{repo}/pages/deployments"],
    createPagesSite: ["POST /repos/{owner}/{repo}/pages"],
    createRelease: ["POST /repos/{owner}/{repo}/releases"],
    createRepoRuleset: ["POST /repos/{owner}/{repo}/rulesets"],
    createUsingTemplate: [
      "POST /repos/{template_owner}/{template_repo}/generate"
    ],
    createWebhook: ["POST /repos/{owner}/{repo}/hooks"],
    customPropertiesForReposCreateOrUpdateRepositoryValues: [
      "PATCH /repos/{owner}/{repo}/properties/values"
    ],
    customPropertiesForReposGetRepositoryValues: [
      "GET /repos/{owner}/{repo}/properties/values"
    ],
    declineInvitation: [
      "DELETE /user/repository_invitations/{invitation_id}",
      {},
      { renamed: ["repos", "declineInvitationForAuthenticatedUser"] }
    ],
    declineInvitationForAuthenticatedUser: [
      "DELETE /user/repository_invitations/{invitation_id}"
    ],
    delete: ["DELETE /repos/{owner}/{repo}"],
    deleteAccessRestrictions: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/restrictions"
    ],
    deleteAdminBranchProtection: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/enforce_admins"
    ],
    deleteAnEnvironment: [
      "DELETE /repos/{owner}/{repo}/environments/{environment_name}"
    ],
    deleteAutolink: ["DELETE /repos/{owner}/{repo}/autolinks/{autolink_id}"],
    deleteBranchProtection: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection"
    ],
    deleteCommitComment: ["DELETE /repos/{owner}/{repo}/comments/{comment_id}"],
    deleteCommitSignatureProtection: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/required_signatures"
    ],
    deleteDeployKey: ["DELETE /repos/{owner}/{repo}/keys/{key_id}"],
    deleteDeployment: [
      "DELETE /repos/{owner}/{repo}/deployments/{deployment_id}"
    ],
    deleteDeploymentBranchPolicy: [
      "DELETE /repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies/{branch_policy_id}"
    ],
    deleteFile: ["DELETE /repos/{owner}/{repo}/contents/{path}"],
    deleteInvitation: [
      "DELETE /repos/{owner}/{repo}/invitations/{invitation_id}"
    ],
    deleteOrgRuleset: ["DELETE /orgs/{org}/rulesets/{ruleset_id}"],
    deletePagesSite: ["DELETE /repos/{owner}/{repo}/pages"],
    deletePullRequestReviewProtection: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/required_pull_request_reviews"
    ],
    deleteRelease: ["DELETE /repos/{owner}/{repo}/releases/{release_id}"],
    deleteReleaseAsset: [
      "DELETE /repos/{owner}/{repo}/releases/assets/{asset_id}"
    ],
    deleteRepoRuleset: ["DELETE /repos/{owner}/{repo}/rulesets/{ruleset_id}"],
    deleteWebhook: ["DELETE /repos/{owner}/{repo}/hooks/{hook_id}"],
    disableAutomatedSecurityFixes: [
      "DELETE /repos/{owner}/{repo}/automated-security-fixes"
    ],
    disableDeploymentProtectionRule: [
      "DELETE /repos/{owner}/{repo}/environments/{environment_name}/deployment_protection_rules/{protection_rule_id}"
    ],
    disableImmutableReleases: [
      "DELETE /repos/{owner}/{repo}/immutable-releases"
    ],
    disablePrivateVulnerabilityReporting: [
      "DELETE /repos/{owner}/{repo}/private-vulnerability-reporting"
    ],
    disableVulnerabilityAlerts: [
      "DELETE /repos/{owner}/{repo}/vulnerability-alerts"
    ],
    downloadArchive: [
      "GET /repos/{owner}/{repo}/zipball/{ref}",
      {},
      { renamed: ["repos", "downloadZipballArchive"] }
    ],
    downloadTarballArchive: ["GET /repos/{owner}/{repo}/tarball/{ref}"],
    downloadZipballArchive: ["GET /repos/{owner}/{repo}/zipball/{ref}"],
    enableAutomatedSecurityFixes: [
      "PUT /repos/{owner}/{repo}/automated-security-fixes"
    ],
    enableImmutableReleases: ["PUT /repos/{owner}/{repo}/immutable-releases"],
    enablePrivateVulnerabilityReporting: [
      "PUT /repos/{owner}/{repo}/private-vulnerability-reporting"
    ],
    enableVulnerabilityAlerts: [
      "PUT /repos/{owner}/{repo}/vulnerability-alerts"
    ],
    generateReleaseNotes: [
      "POST /repos/{owner}/{repo}/releases/generate-notes"
    ],
    get: ["GET /repos/{owner}/{repo}"],
    getAccessRestrictions: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/restrictions"
    ],
    getAdminBranchProtection: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/enforce_admins"
    ],
    getAllDeploymentProtectionRules: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/deployment_protection_rules"
    ],
    getAllEnvironments: ["GET /repos/{owner}/{repo}/environments"],
    getAllStatusCheckContexts: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks/contexts"
    ],
    getAllTopics: ["GET /repos/{owner}/{repo}/topics"],
    getAppsWithAccessToProtectedBranch: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/apps"
    ],
    getAutolink: ["GET /repos/{owner}/{repo}/autolinks/{autolink_id}"],
    getBranch: ["GET /repos/{owner}/{repo}/branches/{branch}"],
    getBranchProtection: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection"
    ],
    getBranchRules: ["GET /repos/{owner}/{repo}/rules/branches/{branch}"],
    getClones: ["GET /repos/{owner}/{repo}/traffic/clones"],
    getCodeFrequencyStats: ["GET /repos/{owner}/{repo}/stats/code_frequency"],
    getCollaboratorPermissionLevel: [
      "GET /repos/{owner}/{repo}/collaborators/{username}/permission"
    ],
    getCombinedStatusForRef: ["GET /repos/{owner}/{repo}/commits/{ref}/status"],
    getCommit: ["GET /repos/{owner}/{repo}/commits/{ref}"],
    getCommitActivityStats: ["GET /repos/{owner}/{repo}/stats/commit_activity"],
    getCommitComment: ["GET /repos/{owner}/{repo}/comments/{comment_id}"],
    getCommitSignatureProtection: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/required_signatures"
    ],
    getCommunityProfileMetrics: ["GET /repos/{owner}/{repo}/community/profile"],
    getContent: ["GET /repos/{owner}/{repo}/contents/{path}"],
    getContributorsStats: ["GET /repos/{owner}/{repo}/stats/contributors"],
    getCustomDeploymentProtectionRule: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/deployment_protection_rules/{protection_rule_id}"
    ],
    getDeployKey: ["GET /repos/{owner}/{repo}/keys/{key_id}"],
    getDeployment: ["GET /repos/{owner}/{repo}/deployments/{deployment_id}"],
    getDeploymentBranchPolicy: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies/{branch_policy_id}"
    ],
    getDeploymentStatus: [
      "GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses/{status_id}"
    ],
    getEnvironment: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}"
    ],
    getLatestPagesBuild: ["GET /repos/{owner}/{repo}/pages/builds/latest"],
    getLatestRelease: ["GET /repos/{owner}/{repo}/releases/latest"],
    getOrgRuleSuite: ["GET /orgs/{org}/rulesets/rule-suites/{rule_suite_id}"],
    getOrgRuleSuites: ["GET /orgs/{org}/rulesets/rule-suites"],
    getOrgRuleset: ["GET /orgs/{org}/rulesets/{ruleset_id}"],
    getOrgRulesets: ["GET /orgs/{org}/rulesets"],
    getPages: ["GET /repos/{owner}/{repo}/pages"],
    getPagesBuild: ["GET /repos/{owner}/{repo}/pages/builds/{build_id}"],
    getPagesDeployment: [
      "GET /repos/{owner}/{repo}/pages/deployments/{pages_deployment_id}"
    ],
    getPagesHealthCheck: ["GET /repos/{owner}/{repo}/pages/health"],
    getParticipationStats: ["GET /repos/{owner}/{repo}/stats/participation"],
    getPullRequestReviewProtection: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/required_pull_request_reviews"
    ],
    getPunchCardStats: ["GET /repos/{owner}/{repo}/stats/punch_card"],
    getReadme: ["GET /repos/{owner}/{repo}/readme"],
    getReadmeInDirectory: ["GET /repos/{owner}/{repo}/readme/{dir}"],
    getRelease: ["GET /repos/{owner}/{repo}/releases/{release_id}"],
    getReleaseAsset: ["GET /repos/{owner}/{repo}/releases/assets/{asset_id}"],
    getReleaseByTag: ["GET /repos/{owner}/{repo}/releases/tags/{tag}"],
    getRepoRuleSuite: [
      "GET /repos/{owner}/{repo}/rulesets/rule-suites/{rule_suite_id}"
    ],
    getRepoRuleSuites: ["GET /repos/{owner}/{repo}/rulesets/rule-suites"],
    getRepoRuleset: ["GET /repos/{owner}/{repo}/rulesets/{ruleset_id}"],
    getRepoRulesetHistory: [
      "GET /repos/{owner}/{repo}/rulesets/{ruleset_id}/history"
    ],
    getRepoRulesetVersion: [
      "GET /repos/{owner}/{repo}/rulesets/{ruleset_id}/history/{version_id}"
    ],
    getRepoRulesets: ["GET /repos/{owner}/{repo}/rulesets"],
    getStatusChecksProtection: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks"
    ],
    getTeamsWithAccessToProtectedBranch: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/teams"
    ],
    getTopPaths: ["GET /repos/{owner}/{repo}/traffic/popular/paths"],
    getTopReferrers: ["GET /repos/{owner}/{repo}/traffic/popular/referrers"],
    getUsersWithAccessToProtectedBranch: [
      "GET /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/users"
    ],
    getViews: ["GET /repos/{owner}/{repo}/traffic/views"],
    getWebhook: ["GET /repos/{owner}/{repo}/hooks/{hook_id}"],
    getWebhookConfigForRepo: [
      "GET /repos/{owner}/{repo}/hooks/{hook_id}/config"
    ],
    getWebhookDelivery: [
      "GET /repos/{owner}/{repo}/hooks/{hook_id}/deliveries/{delivery_id}"
    ],
    listActivities: ["GET /repos/{owner}/{repo}/activity"],
    listAttestations: [
      "GET /repos/{owner}/{repo}/attestations/{subject_digest}"
    ],
    listAutolinks: ["GET /repos/{owner}/{repo}/autolinks"],
    listBranches: ["GET /repos/{owner}/{repo}/branches"],
    listBranchesForHeadCommit: [
      "GET /repos/{owner}/{repo}/commits/{commit_sha}/branches-where-head"
    ],
    listCollaborators: ["GET /repos/{owner}/{repo}/collaborators"],
    listCommentsForCommit: [
      "GET /repos/{owner}/{repo}/commits/{commit_sha}/comments"
    ],
    listCommitCommentsForRepo: ["GET /repos/{owner}/{repo}/comments"],
    listCommitStatusesForRef: [
      "GET /repos/{owner}/{repo}/commits/{ref}/statuses"
    ],
    listCommits: ["GET /repos/{owner}/{repo}/commits"],
    listContributors: ["GET /repos/{owner}/{repo}/contributors"],
    listCustomDeploymentRuleIntegrations: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/deployment_protection_rules/apps"
    ],
    listDeployKeys: ["GET /repos/{owner}/{repo}/keys"],
    listDeploymentBranchPolicies: [
      "GET /repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies"
    ],
    listDeploymentStatuses: [
      "GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses"
    ],
    listDeployments: ["GET /repos/{owner}/{repo}/deployments"],
    listForAuthenticatedUser: ["GET /user/repos"],
    listForOrg: ["GET /orgs/{org}/repos"],
    listForUser: ["GET /users/{username}/repos"],
    listForks: ["GET /repos/{owner}/{repo}/forks"],
    listInvitations: ["GET /repos/{owner}/{repo}/invitations"],
    listInvitationsForAuthenticatedUser: ["GET /user/repository_invitations"],
    listLanguages: ["GET /repos/{owner}/{repo}/languages"],
    listPagesBuilds: ["GET /repos/{owner}/{repo}/pages/builds"],
    listPublic: ["GET /repositories"],
    listPullRequestsAssociatedWithCommit: [
      "GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls"
    ],
    listReleaseAssets: [
      "GET /repos/{owner}/{repo}/releases/{release_id}/assets"
    ],
    listReleases: ["GET /repos/{owner}/{repo}/releases"],
    listTags: ["GET /repos/{owner}/{repo}/tags"],
    listTeams: ["GET /repos/{owner}/{repo}/teams"],
    listWebhookDeliveries: [
      "GET /repos/{owner}/{repo}/hooks/{hook_id}/deliveries"
    ],
    listWebhooks: ["GET /repos/{owner}/{repo}/hooks"],
    merge: ["POST /repos/{owner}/{repo}/merges"],
    mergeUpstream: ["POST /repos/{owner}/{repo}/merge-upstream"],
    pingWebhook: ["POST /repos/{owner}/{repo}/hooks/{hook_id}/pings"],
    redeliverWebhookDelivery: [
      "POST /repos/{owner}/{repo}/hooks/{hook_id}/deliveries/{delivery_id}/attempts"
    ],
    removeAppAccessRestrictions: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/apps",
      {},
      { mapToData: "apps" }
    ],
    removeCollaborator: [
      "DELETE /repos/{owner}/{repo}/collaborators/{username}"
    ],
    removeStatusCheckContexts: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks/contexts",
      {},
      { mapToData: "contexts" }
    ],
    removeStatusCheckProtection: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks"
    ],
    removeTeamAccessRestrictions: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/teams",
      {},
      { mapToData: "teams" }
    ],
    removeUserAccessRestrictions: [
      "DELETE /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/users",
      {},
      { mapToData: "users" }
    ],
    renameBranch: ["POST /repos/{owner}/{repo}/branches/{branch}/rename"],
    replaceAllTopics: ["PUT /repos/{owner}/{repo}/topics"],
    requestPagesBuild: ["POST /repos/{owner}/{repo}/pages/builds"],
    setAdminBranchProtection: [
      "POST /repos/{owner}/{repo}/branches/{branch}/protection/enforce_admins"
    ],
    setAppAccessRestrictions: [
      "PUT /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/apps",
      {},
      { mapToData: "apps" }
    ],
    setStatusCheckContexts: [
      "PUT /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks/contexts",
      {},
      { mapToData: "contexts" }
    ],
    setTeamAccessRestrictions: [
      "PUT /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/teams",
      {},
      { mapToData: "teams" }
    ],
    setUserAccessRestrictions: [
      "PUT /repos/{owner}/{repo}/branches/{branch}/protection/restrictions/users",
      {},
      { mapToData: "users" }
    ],
    testPushWebhook: ["POST /repos/{owner}/{repo}/hooks/{hook_id}/tests"],
    transfer: ["POST /repos/{owner}/{repo}/transfer"],
    update: ["PATCH /repos/{owner}/{repo}"],
    updateBranchProtection: [
      "PUT /repos/{owner}/{repo}/branches/{branch}/protection"
    ],
    updateCommitComment: ["PATCH /repos/{owner}/{repo}/comments/{comment_id}"],
    updateDeploymentBranchPolicy: [
      "PUT /repos/{owner}/{repo}/environments/{environment_name}/deployment-branch-policies/{branch_policy_id}"
    ],
    updateInformationAboutPagesSite: ["PUT /repos/{owner}/{repo}/pages"],
    updateInvitation: [
      "PATCH /repos/{owner}/{repo}/invitations/{invitation_id}"
    ],
    updateOrgRuleset: ["PUT /orgs/{org}/rulesets/{ruleset_id}"],
    updatePullRequestReviewProtection: [
      "PATCH /repos/{owner}/{repo}/branches/{branch}/protection/required_pull_request_reviews"
    ],
    updateRelease: ["PATCH /repos/{owner}/{repo}/releases/{release_id}"],
    updateReleaseAsset: [
      "PATCH /repos/{owner}/{repo}/releases/assets/{asset_id}"
    ],
    updateRepoRuleset: ["PUT /repos/{owner}/{repo}/rulesets/{ruleset_id}"],
    updateStatusCheckPotection: [
      "PATCH /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks",
      {},
      { renamed: ["repos", "updateStatusCheckProtection"] }
    ],
    updateStatusCheckProtection: [
      "PATCH /repos/{owner}/{repo}/branches/{branch}/protection/required_status_checks"
    ],
    updateWebhook: ["PATCH /repos/{owner}/{repo}/hooks/{hook_id}"],
    updateWebhookConfigForRepo: [
      "PATCH /repos/{owner}/{repo}/hooks/{hook_id}/config"
    ],
    uploadReleaseAsset: [
      "POST /repos/{owner}/{repo}/releases/{release_id}/assets{?name,label}",
      { baseUrl: "https://uploads.github.com" }
    ]
  },
  search: {
    code: ["GET /search/code"],
    commits: ["GET /search/commits"],
    issuesAndPullRequests: ["GET /search/issues"],
    labels: ["GET /search/labels"],
    repos: ["GET /search/repositories"],
    topics: ["GET /search/topics"],
    users: ["GET /search/users"]
  },
  secretScanning: {
    createPushProtectionBypass: [
      "POST /repos/{owner}/{repo}/secret-scanning/push-protection-bypasses"
    ],
    getAlert: [
      "GET /repos/{owner}/{repo}/secret-scanning/alerts/{alert_number}"
    ],
    getScanHistory: ["GET /repos/{owner}/{repo}/secret-scanning/scan-history"],
    listAlertsForOrg: ["GET /orgs/{org}/secret-scanning/alerts"],
    listAlertsForRepo: ["GET /repos/{owner}/{repo}/secret-scanning/alerts"],
    listLocationsForAlert: [
      "GET /repos/{owner}/{repo}/secret-scanning/alerts/{alert_number}/locations"
    ],
    listOrgPatternConfigs: [
      "GET /orgs/{org}/secret-scanning/pattern-configurations"
    ],
    updateAlert: [
      "PATCH /repos/{owner}/{repo}/secret-scanning/alerts/{alert_number}"
    ],
    updateOrgPatternConfigs: [
      "PATCH /orgs/{org}/secret-scanning/pattern-configurations"
    ]
  },
  securityAdvisories: {
    createFork: [
      "POST /repos/{owner}/{repo}/security-advisories/{ghsa_id}/forks"
    ],
    createPrivateVulnerabilityReport: [
      "POST /repos/{owner}/{repo}/security-advisories/reports"
    ],
    createRepositoryAdvisory: [
      "POST /repos/{owner}/{repo}/security-advisories"
    ],
    createRepositoryAdvisoryCveRequest: [
      "POST /repos/{owner}/{repo}/security-advisories/{ghsa_id}/cve"
    ],
    getGlobalAdvisory: ["GET /advisories/{ghsa_id}"],
    getRepositoryAdvisory: [
      "GET /repos/{owner}/{repo}/security-advisories/{ghsa_id}"
    ],
    listGlobalAdvisories: ["GET /advisories"],
    listOrgRepositoryAdvisories: ["GET /orgs/{org}/security-advisories"],
    listRepositoryAdvisories: ["GET /repos/{owner}/{repo}/security-advisories"],
    updateRepositoryAdvisory: [
      "PATCH /repos/{owner}/{repo}/security-advisories/{ghsa_id}"
    ]
  },
  teams: {
    addOrUpdateMembershipForUserInOrg: [
      "PUT /orgs/{org}/teams/{team_slug}/memberships/{username}"
    ],
    addOrUpdateRepoPermissionsInOrg: [
      "PUT /orgs/{org}/teams/{team_slug}/repos/{owner}/{repo}"
    ],
    checkPermissionsForRepoInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/repos/{owner}/{repo}"
    ],
    create: ["POST /orgs/{org}/teams"],
    createDiscussionCommentInOrg: [
      "POST /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments"
    ],
    createDiscussionInOrg: ["POST /orgs/{org}/teams/{team_slug}/discussions"],
    deleteDiscussionCommentInOrg: [
      "DELETE /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments/{comment_number}"
    ],
    deleteDiscussionInOrg: [
      "DELETE /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}"
    ],
    deleteInOrg: ["DELETE /orgs/{org}/teams/{team_slug}"],
    getByName: ["GET /orgs/{org}/teams/{team_slug}"],
    getDiscussionCommentInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments/{comment_number}"
    ],
    getDiscussionInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}"
    ],
    getMembershipForUserInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/memberships/{username}"
    ],
    list: ["GET /orgs/{org}/teams"],
    listChildInOrg: ["GET /orgs/{org}/teams/{team_slug}/teams"],
    listDiscussionCommentsInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments"
    ],
    listDiscussionsInOrg: ["GET /orgs/{org}/teams/{team_slug}/discussions"],
    listForAuthenticatedUser: ["GET /user/teams"],
    listMembersInOrg: ["GET /orgs/{org}/teams/{team_slug}/members"],
    listPendingInvitationsInOrg: [
      "GET /orgs/{org}/teams/{team_slug}/invitations"
    ],
    listReposInOrg: ["GET /orgs/{org}/teams/{team_slug}/repos"],
    removeMembershipForUserInOrg: [
      "DELETE /orgs/{org}/teams/{team_slug}/memberships/{username}"
    ],
    removeRepoInOrg: [
      "DELETE /orgs/{org}/teams/{team_slug}/repos/{owner}/{repo}"
    ],
    updateDiscussionCommentInOrg: [
      "PATCH /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments/{comment_number}"
    ],
    updateDiscussionInOrg: [
      "PATCH /orgs/{org}/teams/{team_slug}/discussions/{discussion_number}"
    ],
    updateInOrg: ["PATCH /orgs/{org}/teams/{team_slug}"]
  },
  users: {
    addEmailForAuthenticated: [
      "POST /user/emails",
      {},
      { renamed: ["users", "addEmailForAuthenticatedUser"] }
    ],
    addEmailForAuthenticatedUser: ["POST /user/emails"],
    addSocialAccountForAuthenticatedUser: ["POST /user/social_accounts"],
    block: ["PUT /user/blocks/{username}"],
    checkBlocked: ["GET /user/blocks/{username}"],
    checkFollowingForUser: ["GET /users/{username}/following/{target_user}"],
    checkPersonIsFollowedByAuthenticated: ["GET /user/following/{username}"],
    createGpgKeyForAuthenticated: [
      "POST /user/gpg_keys",
      {},
      { renamed: ["users", "createGpgKeyForAuthenticatedUser"] }
    ],
    createGpgKeyForAuthenticatedUser: ["POST /user/gpg_keys"],
    createPublicSshKeyForAuthenticated: [
      "POST /user/keys",
      {},
      { renamed: ["users", "createPublicSshKeyForAuthenticatedUser"] }
    ],
    createPublicSshKeyForAuthenticatedUser: ["POST /user/keys"],
    createSshSigningKeyForAuthenticatedUser: ["POST /user/ssh_signing_keys"],
    deleteAttestationsBulk: [
      "POST /users/{username}/attestations/delete-request"
    ],
    deleteAttestationsById: [
      "DELETE /users/{username}/attestations/{attestation_id}"
    ],
    deleteAttestationsBySubjectDigest: [
      "DELETE /users/{username}/attestations/digest/{subject_digest}"
    ],
    deleteEmailForAuthenticated: [
      "DELETE /user/emails",
      {},
      { renamed: ["users", "deleteEmailForAuthenticatedUser"] }
    ],
    deleteEmailForAuthenticatedUser: ["DELETE /user/emails"],
    deleteGpgKeyForAuthenticated: [
      "DELETE /user/gpg_keys/{gpg_key_id}",
      {},
      { renamed: ["users", "deleteGpgKeyForAuthenticatedUser"] }
    ],
    deleteGpgKeyForAuthenticatedUser: ["DELETE /user/gpg_keys/{gpg_key_id}"],
    deletePublicSshKeyForAuthenticated: [
      "DELETE /user/keys/{key_id}",
      {},
      { renamed: ["users", "deletePublicSshKeyForAuthenticatedUser"] }
    ],
    deletePublicSshKeyForAuthenticatedUser: ["DELETE /user/keys/{key_id}"],
    deleteSocialAccountForAuthenticatedUser: ["DELETE /user/social_accounts"],
    deleteSshSigningKeyForAuthenticatedUser: [
      "DELETE /user/ssh_signing_keys/{ssh_signing_key_id}"
    ],
    follow: ["PUT /user/following/{username}"],
    getAuthenticated: ["GET /user"],
    getById: ["GET /user/{account_id}"],
    getByUsername: ["GET /users/{username}"],
    getContextForUser: ["GET /users/{username}/hovercard"],
    getGpgKeyForAuthenticated: [
      "GET /user/gpg_keys/{gpg_key_id}",
      {},
      { renamed: ["users", "getGpgKeyForAuthenticatedUser"] }
    ],
    getGpgKeyForAuthenticatedUser: ["GET /user/gpg_keys/{gpg_key_id}"],
    getPublicSshKeyForAuthenticated: [
      "GET /user/keys/{key_id}",
      {},
      { renamed: ["users", "getPublicSshKeyForAuthenticatedUser"] }
    ],
    getPublicSshKeyForAuthenticatedUser: ["GET /user/keys/{key_id}"],
    getSshSigningKeyForAuthenticatedUser: [
      "GET /user/ssh_signing_keys/{ssh_signing_key_id}"
    ],
    list: ["GET /users"],
    listAttestations: ["GET /users/{username}/attestations/{subject_digest}"],
    listAttestationsBulk: [
      "POST /users/{username}/attestations/bulk-list{?per_page,before,after}"
    ],
    listBlockedByAuthenticated: [
      "GET /user/blocks",
      {},
      { renamed: ["users", "listBlockedByAuthenticatedUser"] }
    ],
    listBlockedByAuthenticatedUser: ["GET /user/blocks"],
    listEmailsForAuthenticated: [
      "GET /user/emails",
      {},
      { renamed: ["users", "listEmailsForAuthenticatedUser"] }
    ],
    listEmailsForAuthenticatedUser: ["GET /user/emails"],
    listFollowedByAuthenticated: [
      "GET /user/following",
      {},
      { renamed: ["users", "listFollowedByAuthenticatedUser"] }
    ],
    listFollowedByAuthenticatedUser: ["GET /user/following"],
    listFollowersForAuthenticatedUser: ["GET /user/followers"],
    listFollowersForUser: ["GET /users/{username}/followers"],
    listFollowingForUser: ["GET /users/{username}/following"],
    listGpgKeysForAuthenticated: [
      "GET /user/gpg_keys",
      {},
      { renamed: ["users", "listGpgKeysForAuthenticatedUser"] }
    ],
    listGpgKeysForAuthenticatedUser: ["GET /user/gpg_keys"],
    listGpgKeysForUser: ["GET /users/{username}/gpg_keys"],
    listPublicEmailsForAuthenticated: [
      "GET /user/public_emails",
      {},
      { renamed: ["users", "listPublicEmailsForAuthenticatedUser"] }
    ],
    listPublicEmailsForAuthenticatedUser: ["GET /user/public_emails"],
    listPublicKeysForUser: ["GET /users/{username}/keys"],
    listPublicSshKeysForAuthenticated: [
      "GET /user/keys",
      {},
      { renamed: ["users", "listPublicSshKeysForAuthenticatedUser"] }
    ],
    listPublicSshKeysForAuthenticatedUser: ["GET /user/keys"],
    listSocialAccountsForAuthenticatedUser: ["GET /user/social_accounts"],
    listSocialAccountsForUser: ["GET /users/{username}/social_accounts"],
    listSshSigningKeysForAuthenticatedUser: ["GET /user/ssh_signing_keys"],
    listSshSigningKeysForUser: ["GET /users/{username}/ssh_signing_keys"],
    setPrimaryEmailVisibilityForAuthenticated: [
      "PATCH /user/email/visibility",
      {},
      { renamed: ["users", "setPrimaryEmailVisibilityForAuthenticatedUser"] }
    ],
    setPrimaryEmailVisibilityForAuthenticatedUser: [
      "PATCH /user/email/visibility"
    ],
    unblock: ["DELETE /user/blocks/{username}"],
    unfollow: ["DELETE /user/following/{username}"],
    updateAuthenticated: ["PATCH /user"]
  }
};
var endpoints_default = Endpoints;

// node_modules/@octokit/plugin-rest-endpoint-methods/dist-src/endpoints-to-methods.js
var endpointMethodsMap = /* @__PURE__ */ new Map();
for (const [scope, endpoints] of Object.entries(endpoints_default)) {
  for (const [methodName, endpoint2] of Object.entries(endpoints)) {
    const [route, defaults2, decorations] = endpoint2;
    const [method, url] = route.split(/ /);
    const endpointDefaults = Object.assign(
      {
        method,
        url
      },
      defaults2
    );
    if (!endpointMethodsMap.has(scope)) {
      endpointMethodsMap.set(scope, /* @__PURE__ */ new Map());
    }
    endpointMethodsMap.get(scope).set(methodName, {
      scope,
      methodName,
      endpointDefaults,
      decorations
    });
  }
}
var handler = {
  has({ scope }, methodName) {
    return endpointMethodsMap.get(scope).has(methodName);
  },
  getOwnPropertyDescriptor(target, methodName) {
    return {
      value: this.get(target, methodName),
      // ensures method is in the cache
      configurable: true,
      writable: true,
      enumerable: true
    };
  },
  defineProperty(target, methodName, descriptor) {
    Object.defineProperty(target.cache, methodName, descriptor);
    return true;
  },
  deleteProperty(target, methodName) {
    delete target.cache[methodName];
    return true;
  },
  ownKeys({ scope }) {
    return [...endpointMethodsMap.get(scope).keys()];
  },
  set(target, methodName, value) {
    return target.cache[methodName] = value;
  },
  get({ octokit, scope, cache: cache2 }, methodName) {
    if (cache2[methodName]) {
      return cache2[methodName];
    }
    const method = endpointMethodsMap.get(scope).get(methodName);
    if (!method) {
      return void 0;
    }
    const { endpointDefaults, decorations } = method;
    if (decorations) {
      cache2[methodName] = decorate(
        octokit,
        scope,
        methodName,
        endpointDefaults,
        decorations
      );
    } else {
      cache2[methodName] = octokit.request.defaults(endpointDefaults);
    }
    return cache2[methodName];
  }
};
function endpointsToMethods(octokit) {
  const newMethods = {};
  for (const scope of endpointMethodsMap.keys()) {
    newMethods[scope] = new Proxy({ octokit, scope, cache: {} }, handler);
  }
  return newMethods;
}
function decorate(octokit, scope, methodName, defaults2, decorations) {
  const requestWithDefaults = octokit.request.defaults(defaults2);
  function withDecorations(...args) {
    let options = requestWithDefaults.endpoint.merge(...args);
    if (decorations.mapToData) {
      options = Object.assign({}, options, {
        data: options[decorations.mapToData],
        [decorations.mapToData]: void 0
      });
      return requestWithDefaults(options);
    }
    if (decorations.renamed) {
      const [newScope, newMethodName] = decorations.renamed;
      octokit.log.warn(
        `octokit.${scope}.${methodName}() has been renamed to octokit.${newScope}.${newMethodName}()`
      );
    }
    if (decorations.deprecated) {
      octokit.log.warn(decorations.deprecated);
    }
    if (decorations.renamedParameters) {
      const options2 = requestWithDefaults.endpoint.merge(...args);
      for (const [name, alias] of Object.entries(
        decorations.renamedParameters
      )) {
        if (name in options2) {
          octokit.log.warn(
            `"${name}" parameter is deprecated for "octokit.${scope}.${methodName}()". Use "${alias}" instead`
          );
          if (!(alias in options2)) {
            options2[alias] = options2[name];
          }
          delete options2[name];
        }
      }
      return requestWithDefaults(options2);
    }
    return requestWithDefaults(...args);
  }
  return Object.assign(withDecorations, requestWithDefaults);
}

// node_modules/@octokit/plugin-rest-endpoint-methods/dist-src/index.js
function restEndpointMethods(octokit) {
  const api = endpointsToMethods(octokit);
  return {
    rest: api
  };
}
restEndpointMethods.VERSION = VERSION7;
function legacyRestEndpointMethods(octokit) {
  const api = endpointsToMethods(octokit);
  return {
    ...api,
    rest: api
  };
}
legacyRestEndpointMethods.VERSION = VERSION7;

// node_modules/@octokit/rest/dist-src/version.js
var VERSION8 = "22.0.1";

// node_modules/@octokit/rest/dist-src/index.js
var Octokit2 = Octokit.plugin(requestLog, legacyRestEndpointMethods, paginateRest).defaults(
  {
    userAgent: `octokit-rest.js/${VERSION8}`
  }
);

// src/github/gateway.ts
function createOctokit(options) {
  return new Octokit2({
    ...options.token ? { auth: options.token } : {},
    userAgent: `prune-guard/${"0.1.0"}`,
    ...options.baseUrl ? { baseUrl: options.baseUrl.replace(/\/$/, "") } : {},
    // Failures surface as RequestError to the caller, which turns them into warnings.
    log: { debug: () => {
    }, info: () => {
    }, warn: () => {
    }, error: () => {
    } }
  });
}

// src/app/compare-flux-sides.ts
import { existsSync as existsSync7, readdirSync as readdirSync9, statSync as statSync7 } from "node:fs";
import { join as join12, relative as relative9 } from "node:path";

// src/core/rules/outside-reads.ts
var OUTSIDE_READS_LISTED = 10;
function describeOutsideReads(unit, object, side, reads) {
  const shown = reads.slice(0, OUTSIDE_READS_LISTED);
  return shown.map((read, index) => {
    const more = index === shown.length - 1 && reads.length > shown.length ? ` (and ${reads.length - shown.length} more such paths)` : "";
    const message = side === "after" ? `${unit} reads a file outside the repository: ${read.value} (${read.field})${more}; prune-guard does not render it, so nothing in it is judged, and kustomize-controller fails to build it` : `${unit} reads a file outside the repository before this change: ${read.value} (${read.field})${more}; prune-guard does not render it, so nothing in it is judged`;
    return {
      rule: Rules.readsOutsideRepository,
      severity: side === "after" ? "error" : "notice",
      message,
      object,
      unit,
      provenance: { kustomization: read.file, line: read.line }
    };
  });
}
function describeKustomizationObject(file) {
  return { group: "kustomize.config.k8s.io", kind: "Kustomization", namespace: "", name: file, apiVersion: "kustomize.config.k8s.io/v1beta1" };
}

// src/flux/artifact.ts
var import_ignore = __toESM(require_ignore(), 1);
import { copyFileSync, lstatSync as lstatSync2, mkdirSync as mkdirSync2, mkdtempSync, readFileSync as readFileSync4, readdirSync as readdirSync2, realpathSync as realpathSync3, rmSync as rmSync2 } from "node:fs";
import { tmpdir } from "node:os";
import { dirname as dirname3, join as join4, relative as relative2 } from "node:path";
var VCS_PATTERNS = [".git/", ".gitignore", ".gitmodules", ".gitattributes"];
var DEFAULT_PATTERNS = [
  "*.jpg",
  "*.jpeg",
  "*.gif",
  "*.png",
  "*.wmv",
  "*.flv",
  "*.tar.gz",
  "*.zip",
  ".github/",
  ".circleci/",
  ".travis.yml",
  ".gitlab-ci.yml",
  "appveyor.yml",
  ".drone.yml",
  "cloudbuild.yaml",
  "codeship-services.yml",
  "codeship-steps.yml",
  "**/.goreleaser.yml",
  "**/.sops.yaml",
  "**/.flux.yaml"
];
function createArtifact(source, options = {}) {
  const base = mkdtempSync(join4(tmpdir(), "prune-guard-artifact-"));
  const dispose = registerCleanup(() => rmSync2(base, { recursive: true, force: true }));
  const root = join4(base, "source");
  const sourceConfinement = createConfinement(source);
  const outsideLinks = /* @__PURE__ */ new Set();
  const dropLink = (path2) => {
    if (!isInside(sourceConfinement, path2)) outsideLinks.add(join4(realpathSync3(base), "source", relative2(source, path2)));
  };
  try {
    const matchers = collectIgnoreMatchers(source, options.ignore);
    if (options.files) copyFiles(source, root, options.files, matchers, dropLink);
    else copyTree(source, root, (path2, isDirectory) => isIgnored(matchers, toPosix(relative2(source, path2)), isDirectory), dropLink);
  } catch (error) {
    dispose();
    throw error;
  }
  return { root, source, confinement: { ...createConfinement(root), outsideLinks }, dispose };
}
function collectIgnoreMatchers(source, specIgnore) {
  const scoped = [];
  const walk = (dir) => {
    for (const entry of readdirSync2(dir, { withFileTypes: true })) {
      if (entry.name === ".git") continue;
      const path2 = join4(dir, entry.name);
      if (entry.isDirectory()) walk(path2);
      else if (entry.name === ".sourceignore" && entry.isFile()) {
        scoped.push({ dir: toPosix(relative2(source, dir)), matcher: (0, import_ignore.default)().add(readFileSync4(path2, "utf8")) });
      }
    }
  };
  walk(source);
  const root = (0, import_ignore.default)().add(VCS_PATTERNS);
  if (specIgnore && specIgnore.trim() !== "") root.add(specIgnore);
  else if (scoped.length === 0) root.add(DEFAULT_PATTERNS);
  return [{ dir: "", matcher: root }, ...scoped];
}
function isIgnored(matchers, path2, isDirectory) {
  if (path2 === "") return false;
  for (const { dir, matcher } of matchers) {
    if (dir !== "" && !path2.startsWith(`${dir}/`)) continue;
    const inner = dir === "" ? path2 : path2.slice(dir.length + 1);
    if (matcher.ignores(isDirectory ? `${inner}/` : inner)) return true;
  }
  return false;
}
function copyFiles(from, to, files, matchers, dropLink) {
  mkdirSync2(to, { recursive: true });
  for (const file of files) {
    const parts = file.split("/");
    const ignoredDir = parts.slice(0, -1).some((_part, index) => isIgnored(matchers, parts.slice(0, index + 1).join("/"), true));
    if (ignoredDir || isIgnored(matchers, file, false)) continue;
    const stat = lstatSync2(join4(from, file), { throwIfNoEntry: false });
    if (stat?.isSymbolicLink()) dropLink(join4(from, file));
    if (!stat?.isFile()) continue;
    mkdirSync2(dirname3(join4(to, file)), { recursive: true });
    copyFileSync(join4(from, file), join4(to, file));
  }
}
function copyTree(from, to, skip, dropLink) {
  mkdirSync2(to, { recursive: true });
  for (const entry of readdirSync2(from, { withFileTypes: true })) {
    const path2 = join4(from, entry.name);
    if (entry.isSymbolicLink()) dropLink(path2);
    if (!entry.isDirectory() && !entry.isFile()) continue;
    if (skip(path2, entry.isDirectory())) continue;
    if (entry.isDirectory()) copyTree(path2, join4(to, entry.name), skip, dropLink);
    else copyFileSync(path2, join4(to, entry.name));
  }
}

// src/flux/discover-units.ts
import { createHash as createHash5 } from "node:crypto";
import { existsSync as existsSync5, readFileSync as readFileSync9, readdirSync as readdirSync6, statSync as statSync4 } from "node:fs";
import { join as join9, posix, relative as relative7 } from "node:path";

// src/flux/scan-source.ts
import { readFileSync as readFileSync5, readdirSync as readdirSync3 } from "node:fs";
import { join as join5, relative as relative3 } from "node:path";
function scanSourceObjects(root) {
  const found = [];
  const walk = (dir) => {
    for (const entry of readdirSync3(dir, { withFileTypes: true }).sort((a, b) => a.name < b.name ? -1 : 1)) {
      const path2 = join5(dir, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith(BUILD_DIR_PREFIX) && entry.name !== ".git") walk(path2);
        continue;
      }
      if (!/\.ya?ml$/.test(entry.name)) continue;
      let docs;
      try {
        docs = loadAll(readFileSync5(path2, "utf8"), null, { schema: CORE_SCHEMA });
      } catch {
        continue;
      }
      for (const doc of docs) if (isRecord(doc)) found.push({ file: toPosix(relative3(root, path2)), body: doc });
    }
  };
  walk(root);
  return found;
}
function findDeclaredKustomizations(objects) {
  const declared = [];
  for (const { file, body } of objects) {
    const ks = isFluxKustomization(body) ? readFluxKustomization(body) : void 0;
    if (ks && !declared.some((other) => other.file === file && other.ks.key === ks.key)) declared.push({ ks, file });
  }
  return declared.sort((a, b) => compareText(a.file, b.file) || compareText(a.ks.key, b.ks.key));
}
function isUnderPath(file, path2) {
  return path2 === "" || file.startsWith(`${path2}/`);
}

// src/flux/plan-build.ts
import { createHash as createHash3 } from "node:crypto";
import { existsSync as existsSync3, mkdirSync as mkdirSync3, readFileSync as readFileSync6, readdirSync as readdirSync4, statSync as statSync3, symlinkSync, writeFileSync as writeFileSync2 } from "node:fs";
import { dirname as dirname4, join as join6, relative as relative4 } from "node:path";
var import_yaml6 = __toESM(require_dist(), 1);
function hasSpecTransforms(ks) {
  return ks.targetNamespace !== void 0 || ks.namePrefix !== void 0 || ks.nameSuffix !== void 0 || ks.patches.length > 0 || ks.patchesStrategicMerge.length > 0 || ks.patchesJson6902.length > 0 || ks.images.length > 0 || ks.components.length > 0;
}
function planFluxBuild(artifact, ks, show2) {
  const dir = join6(artifact.root, ks.path);
  if (!isInside(artifact.confinement, dir)) {
    throw new OutsideRepositoryError(`Flux Kustomization ${ks.key}: spec.path ./${ks.path} leads outside the repository`);
  }
  if (!existsSync3(dir) || !statSync3(dir).isDirectory()) {
    throw new RenderError(`Flux Kustomization ${ks.key}: path not found: ${show2(dir)} (spec.path ./${ks.path})`);
  }
  const existing = findKustomizationFile(dir);
  if (existing && !hasSpecTransforms(ks)) {
    const graph2 = readKustomizationGraph(dir, show2, artifact.confinement);
    return { graph: graph2, aliases: /* @__PURE__ */ new Map(), outside: listOutsideReferences(graph2) };
  }
  const kustomization = existing ? readRootKustomization(existing, show2) : generateKustomization(dir, show2);
  mergeSpecIntoKustomization(kustomization, ks);
  const text = (0, import_yaml6.stringify)(kustomization);
  const parent = ks.path === "" ? dir : dirname4(dir);
  const buildDir = join6(parent, `${BUILD_DIR_PREFIX}${createHash3("sha256").update(`${ks.key}\0${ks.path}\0${text}`).digest("hex").slice(0, 12)}`);
  if (!existsSync3(join6(buildDir, "kustomization.yaml"))) {
    mkdirSync3(buildDir, { recursive: true });
    for (const entry of readdirSync4(dir)) {
      if (KUSTOMIZATION_FILE_NAMES.includes(entry) || entry.startsWith(BUILD_DIR_PREFIX) || existsSync3(join6(buildDir, entry))) continue;
      symlinkSync(join6(dir, entry), join6(buildDir, entry));
    }
    writeFileSync2(join6(buildDir, "kustomization.yaml"), text);
  }
  const confinement = admitBuildDirectory(artifact.confinement, buildDir);
  const graph = readKustomizationGraph(buildDir, show2, confinement);
  const outside = listOutsideReferences(graph);
  const original = existing ? readKustomization(dir, show2, artifact.confinement) : void 0;
  const [, ...rest] = graph.kustomizations;
  return {
    graph: original ? { root: buildDir, kustomizations: [original, ...rest] } : graph,
    aliases: /* @__PURE__ */ new Map([[buildDir, dir]]),
    kustomization: text,
    outside
  };
}
function readRootKustomization(file, show2) {
  const value = (0, import_yaml6.parse)(readFileSync6(file, "utf8"));
  if (value !== null && value !== void 0 && !isRecord(value)) {
    throw new RenderError(`${show2(file)}: not a kustomization (expected a YAML mapping)`);
  }
  return { ...value ?? {} };
}
function generateKustomization(dir, show2) {
  const resources = [];
  const walk = (current) => {
    for (const entry of readdirSync4(current, { withFileTypes: true }).sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) {
      const path2 = join6(current, entry.name);
      const isDirectory = entry.isDirectory() || entry.isSymbolicLink() && statSync3(path2).isDirectory();
      if (isDirectory) {
        if (entry.name.startsWith(BUILD_DIR_PREFIX)) continue;
        if (findKustomizationFile(path2)) resources.push(`./${toPosix(relative4(dir, path2))}`);
        else walk(path2);
      } else if (/\.ya?ml$/.test(entry.name)) {
        checkKubernetesManifest(path2, show2);
        resources.push(`./${toPosix(relative4(dir, path2))}`);
      }
    }
  };
  walk(dir);
  if (resources.length === 0) return { apiVersion: "kustomize.config.k8s.io/v1beta1", kind: "Kustomization", namespace: "_placeholder" };
  return { apiVersion: "kustomize.config.k8s.io/v1beta1", kind: "Kustomization", resources };
}
function checkKubernetesManifest(file, show2) {
  let docs;
  try {
    docs = loadAll(readFileSync6(file, "utf8"), null, { schema: CORE_SCHEMA });
  } catch {
    throw new RenderError(`${show2(file)}: malformed YAML; Flux fails to build the kustomization it generates for ${show2(dirname4(file))}`);
  }
  for (const doc of docs) {
    if (doc === null || doc === void 0) continue;
    const metadata = isRecord(doc) && isRecord(doc.metadata) ? doc.metadata : void 0;
    if (!isRecord(doc) || typeof doc.apiVersion !== "string" || typeof doc.kind !== "string" || !metadata || typeof metadata.name !== "string") {
      throw new RenderError(
        `${show2(file)}: not a Kubernetes manifest (missing apiVersion, kind or metadata.name); Flux fails to build a path without kustomization.yaml that holds it (exclude it with .sourceignore)`
      );
    }
  }
}
function mergeSpecIntoKustomization(kustomization, ks) {
  if (ks.targetNamespace !== void 0) kustomization.namespace = ks.targetNamespace;
  if (ks.namePrefix !== void 0) kustomization.namePrefix = ks.namePrefix;
  if (ks.nameSuffix !== void 0) kustomization.nameSuffix = ks.nameSuffix;
  if (ks.patches.length > 0) {
    const patches = Array.isArray(kustomization.patches) ? kustomization.patches : [];
    kustomization.patches = [...patches, ...ks.patches.filter(isRecord).map(({ patch, target }) => ({ patch, ...isRecord(target) ? { target } : {} }))];
  }
  if (ks.patchesStrategicMerge.length > 0) {
    const patches = Array.isArray(kustomization.patchesStrategicMerge) ? kustomization.patchesStrategicMerge : [];
    kustomization.patchesStrategicMerge = [...patches, ...ks.patchesStrategicMerge.map((patch) => JSON.stringify(patch))];
  }
  if (ks.patchesJson6902.length > 0) {
    const patches = Array.isArray(kustomization.patchesJson6902) ? kustomization.patchesJson6902 : [];
    kustomization.patchesJson6902 = [
      ...patches,
      ...ks.patchesJson6902.map(({ patch, target }) => ({ patch: JSON.stringify(patch ?? []), ...isRecord(target) ? { target } : {} }))
    ];
  }
  if (ks.components.length > 0) {
    const components = Array.isArray(kustomization.components) ? kustomization.components : [];
    kustomization.components = [...components, ...ks.components];
  }
  if (ks.images.length > 0) {
    const images = (Array.isArray(kustomization.images) ? kustomization.images : []).filter(isRecord).map((image) => ({ ...image }));
    for (const image of ks.images) {
      const existing = images.find((candidate) => candidate.name === image.name);
      if (!existing) {
        images.push({ ...image });
        continue;
      }
      if (image.newName !== void 0) existing.newName = image.newName;
      if (image.newTag !== void 0 || image.digest !== void 0) {
        delete existing.newTag;
        delete existing.digest;
        if (image.newTag !== void 0) existing.newTag = image.newTag;
        if (image.digest !== void 0) existing.digest = image.digest;
      }
    }
    kustomization.images = images;
  }
}

// src/render/kustomize/render-root.ts
var import_yaml9 = __toESM(require_dist(), 1);
import { mkdtempSync as mkdtempSync3, readFileSync as readFileSync8, rmSync as rmSync4, writeFileSync as writeFileSync4 } from "node:fs";
import { tmpdir as tmpdir3 } from "node:os";
import { join as join8, relative as relative6, resolve as resolve3 } from "node:path";

// src/render/kustomize/overlay.ts
var import_yaml8 = __toESM(require_dist(), 1);
import { createHash as createHash4 } from "node:crypto";
import { existsSync as existsSync4, mkdirSync as mkdirSync4, mkdtempSync as mkdtempSync2, readFileSync as readFileSync7, readdirSync as readdirSync5, rmSync as rmSync3, symlinkSync as symlinkSync2, writeFileSync as writeFileSync3 } from "node:fs";
import { tmpdir as tmpdir2 } from "node:os";
import { dirname as dirname5, isAbsolute, join as join7, relative as relative5 } from "node:path";

// src/core/fix/kustomization-edit.ts
var import_yaml7 = __toESM(require_dist(), 1);
function planResourceInsertion(path2, text, insertion) {
  const lineCounter = new import_yaml7.LineCounter();
  const doc = (0, import_yaml7.parseDocument)(text, { lineCounter });
  if (doc.errors.length > 0) return void 0;
  const crlf = text.includes("\r\n");
  const lines = text.split("\n");
  const resources = doc.get("resources", true);
  const newList = ["resources:", ...insertion.entries.map((entry) => `  - ${formatEntry(entry, void 0)}`)];
  const terminate = (replacement, replaced) => crlf ? replacement.map((line2, index) => `${line2.replace(/\r$/, "")}${index < replacement.length - 1 || replaced.endsWith("\r") ? "\r" : ""}`) : [...replacement];
  if (resources === void 0) {
    let last = lines.length - 1;
    while (last > 0 && (lines[last] ?? "").trim() === "") last--;
    const anchor = lines[last] ?? "";
    return assemble(path2, lines, last, last, terminate([anchor, ...newList], anchor), insertion.description);
  }
  if ((0, import_yaml7.isScalar)(resources) && resources.value === null) {
    const key = (0, import_yaml7.isMap)(doc.contents) ? doc.contents.items.find((pair2) => (0, import_yaml7.isScalar)(pair2.key) && pair2.key.value === "resources")?.key : void 0;
    const range2 = (0, import_yaml7.isScalar)(key) ? key.range : void 0;
    if (!range2) return void 0;
    const line2 = lineCounter.linePos(range2[0]).line - 1;
    const original2 = lines[line2] ?? "";
    if (!/^resources:\s*(#.*)?\r?$/.test(original2)) return void 0;
    return assemble(path2, lines, line2, line2, terminate(newList, original2), insertion.description);
  }
  if (!(0, import_yaml7.isSeq)(resources) || resources.flow) return void 0;
  const items = resources.items.filter((item) => (0, import_yaml7.isScalar)(item) && item.range !== void 0 && item.range !== null);
  if (items.length === 0) return void 0;
  const target = insertion.before !== void 0 ? items.find((item) => item.value === insertion.before) : void 0;
  if (insertion.before !== void 0 && !target) return void 0;
  const reference = target ?? items[items.length - 1];
  const line = lineCounter.linePos(reference.range[0]).line - 1;
  const original = lines[line] ?? "";
  const prefix2 = /^(\s*-\s+)/.exec(original)?.[1] ?? "- ";
  const added = insertion.entries.map((entry) => `${prefix2}${formatEntry(entry, reference.type)}`);
  return assemble(path2, lines, line, line, terminate(target ? [...added, original] : [original, ...added], original), insertion.description);
}
function formatEntry(entry, style) {
  if (style === "QUOTE_DOUBLE") return JSON.stringify(entry);
  if (style === "QUOTE_SINGLE") return `'${entry.replace(/'/g, "''")}'`;
  return readsBackAs(entry) ? entry : JSON.stringify(entry);
}
function readsBackAs(entry) {
  try {
    return entry.trim() === entry && (0, import_yaml7.parse)(entry) === entry && (0, import_yaml7.parse)(entry, { version: "1.1" }) === entry;
  } catch {
    return false;
  }
}
function assemble(path2, lines, start, end, replacement, description) {
  const text = [...lines.slice(0, start), ...replacement, ...lines.slice(end + 1)].join("\n");
  return { text, fix: { path: path2, startLine: start + 1, endLine: end + 1, replacement: replacement.join("\n"), description } };
}
function listResourceEntries(text) {
  const lineCounter = new import_yaml7.LineCounter();
  const doc = (0, import_yaml7.parseDocument)(text, { lineCounter, uniqueKeys: false });
  if (doc.errors.length > 0) return [];
  return ["resources", "bases"].flatMap((list) => {
    const items = doc.get(list, true);
    if (!(0, import_yaml7.isSeq)(items)) return [];
    return items.items.flatMap(
      (item) => (0, import_yaml7.isScalar)(item) && typeof item.value === "string" && item.range ? [{ value: item.value, line: lineCounter.linePos(item.range[0]).line, list }] : []
    );
  });
}
function describeLineChange(path2, before, after, description) {
  const old = before.split("\n");
  const next = after.split("\n");
  let prefix2 = 0;
  while (prefix2 < old.length && prefix2 < next.length && old[prefix2] === next[prefix2]) prefix2++;
  let suffix = 0;
  while (suffix < old.length - prefix2 && suffix < next.length - prefix2 && old[old.length - 1 - suffix] === next[next.length - 1 - suffix]) suffix++;
  let start = prefix2;
  let end = old.length - suffix;
  let replacement = next.slice(prefix2, next.length - suffix);
  if (start === end) {
    const atEnd = end >= old.length || end === old.length - 1 && old[end] === "";
    if (!atEnd) {
      replacement = [...replacement, old[end]];
      end++;
    } else if (start > 0) {
      start--;
      replacement = [old[start], ...replacement];
    }
  }
  return { path: path2, startLine: start + 1, endLine: Math.max(start + 1, end), replacement: replacement.join("\n"), description };
}

// src/render/kustomize/overlay.ts
var REMOTE_FIELDS = ["resources", "bases", "components", "crds"];
var REMOTE_DIR = ".prune-guard-remote";
function isRemoteFileUrl(value) {
  if (!/^https?:\/\//.test(value) || !URL.canParse(value)) return false;
  const url = new URL(value);
  if (url.searchParams.has("ref") || url.searchParams.has("version") || /\.git(\/|$)/.test(url.pathname) || url.pathname.includes("//")) return false;
  return /\.(ya?ml|json)$/i.test(url.pathname);
}
async function createOverlay(treeRoot, graph, remote2, edits = {}) {
  const overrides = edits.overrides ?? /* @__PURE__ */ new Map();
  const additions = edits.additions ?? /* @__PURE__ */ new Map();
  const rewritesRemotes = (url) => remote2 !== void 0 && (isRemoteFileUrl(url) || applyMirrors(url, remote2.mirrors) !== url);
  const remotesOf = (k) => {
    const override = overrides.get(k.file);
    const added = override === void 0 ? [] : listResourceEntries(override).map((entry) => entry.value).filter(isRemoteReference);
    return [.../* @__PURE__ */ new Set([...k.remotes.keys(), ...added])];
  };
  const textOf = (k) => overrides.get(k.file) ?? readFileSync7(k.file, "utf8");
  const entriesOf = (k) => {
    const override = overrides.get(k.file);
    return override === void 0 ? k.pathEntries : listOverrideEntries(override, k.file);
  };
  if (remote2) await checkKustomizeFetches(graph, remote2, remotesOf, entriesOf);
  const changed = graph.kustomizations.filter(
    (k) => overrides.has(k.file) || [...additions.keys()].some((path2) => dirname5(path2) === k.dir) || remotesOf(k).some(rewritesRemotes)
  );
  if (changed.length === 0) return void 0;
  const includers = /* @__PURE__ */ new Map();
  for (const k of graph.kustomizations) for (const dir of k.includes) includers.set(dir, [...includers.get(dir) ?? [], k.dir]);
  const copied = /* @__PURE__ */ new Set();
  const queue = changed.map((k) => k.dir);
  while (queue.length > 0) {
    const dir = queue.pop();
    if (copied.has(dir)) continue;
    copied.add(dir);
    queue.push(...includers.get(dir) ?? []);
  }
  const edited = [...overrides.keys(), ...additions.keys()];
  if ([...copied, ...edited].some((path2) => isOutside(treeRoot, path2))) return void 0;
  const shadow = mkdtempSync2(join7(tmpdir2(), "prune-guard-overlay-"));
  const dispose = registerCleanup(() => rmSync3(shadow, { recursive: true, force: true }));
  try {
    const toShadow = (path2) => join7(shadow, relative5(treeRoot, path2));
    const real = /* @__PURE__ */ new Set();
    for (const dir of [...copied, ...edited.map((path2) => dirname5(path2))]) for (let current = dir; !isOutside(treeRoot, current); current = dirname5(current)) {
      real.add(current);
      if (current === treeRoot) break;
    }
    const written = new Map(overrides);
    const remoteFiles = /* @__PURE__ */ new Map();
    if (remote2) {
      for (const k of graph.kustomizations.filter((candidate) => copied.has(candidate.dir))) {
        const urls = remotesOf(k).filter(rewritesRemotes);
        if (urls.length === 0) continue;
        const replacements = /* @__PURE__ */ new Map();
        for (const url of urls) {
          if (!isRemoteFileUrl(url)) {
            replacements.set(url, applyMirrors(url, remote2.mirrors));
            continue;
          }
          const local = join7(shadow, REMOTE_DIR, createHash4("sha256").update(url).digest("hex").slice(0, 16), new URL(url).pathname.split("/").pop());
          mkdirSync4(dirname5(local), { recursive: true });
          writeFileSync3(local, await remote2.fetcher.fetchText(url));
          remoteFiles.set(local, url);
          replacements.set(url, toPosix(relative5(toShadow(k.dir), local)));
        }
        written.set(k.file, replaceEntries(textOf(k), replacements));
      }
    }
    for (const dir of [...real].sort()) {
      mkdirSync4(toShadow(dir), { recursive: true });
      if (!existsSync4(dir)) continue;
      for (const entry of readdirSync5(dir)) {
        const source = join7(dir, entry);
        if (!real.has(source) && !written.has(source) && !additions.has(source)) symlinkSync2(source, toShadow(source));
      }
    }
    for (const [path2, text] of [...written, ...additions]) writeFileSync3(toShadow(path2), text);
    const unalias = (path2) => {
      const rel = relative5(shadow, path2);
      return isOutsideRelative(rel) ? path2 : join7(treeRoot, rel);
    };
    return { buildRoot: toShadow(graph.root), unalias, remoteFiles, dispose };
  } catch (error) {
    dispose();
    throw error;
  }
}
async function checkKustomizeFetches(graph, remote2, remotesOf, entriesOf) {
  const checked = /* @__PURE__ */ new Set();
  for (const k of graph.kustomizations) {
    const listed = new Set(remotesOf(k));
    const entries = [...entriesOf(k)];
    for (const value of listed) entries.push({ field: "resources", value });
    for (const value of k.pluginValues) entries.push({ field: "plugin", value });
    for (const { field, value } of entries) {
      if (readReference(value).kind === "local") continue;
      const rewritten = REMOTE_FIELDS.includes(field) && listed.has(value);
      if (rewritten && isRemoteFileUrl(value)) continue;
      const target = rewritten ? applyMirrors(value, remote2.mirrors) : value;
      if (checked.has(`${target}\0${value}`)) continue;
      checked.add(`${target}\0${value}`);
      await remote2.fetcher.checkReference(target, value);
    }
  }
}
function listOverrideEntries(text, file) {
  const doc = (0, import_yaml8.parseDocument)(text, GO_YAML_OPTIONS);
  if (!(0, import_yaml8.isMap)(doc.contents)) return [];
  return listPathEntries(doc.contents, () => false, resolveYamlDocument(doc, file)).map(({ field, value }) => ({ field, value }));
}
function replaceEntries(text, replacements) {
  const doc = (0, import_yaml8.parseDocument)(text, { uniqueKeys: false });
  (0, import_yaml8.visit)(doc, {
    Scalar(_key, item) {
      if (typeof item.value === "string" && replacements.has(item.value)) item.value = replacements.get(item.value);
    }
  });
  return doc.toString({ lineWidth: 0 });
}
function isOutside(root, path2) {
  return isOutsideRelative(relative5(root, path2));
}
function isOutsideRelative(rel) {
  return rel.startsWith("..") || isAbsolute(rel);
}

// src/render/kustomize/render-root.ts
var ORIGIN_ANNOTATION = "config.kubernetes.io/origin";
var WRAPPER_ERROR_PREFIX = /^accumulating resources: accumulation err='accumulating resources from '[^']*': read [^']*: is a directory': recursed accumulation of path '[^']*': /;
async function renderRoot(runner, request2) {
  const { treeRoot, graph, show: show2 } = request2;
  const unaliasBuild = createUnalias(request2.aliases);
  const shownRoot = show2(unaliasBuild(graph.root));
  const overlay = await createOverlay(treeRoot, graph, request2.remote, request2.edits).catch((error) => {
    if (error instanceof FetchError) throw new FetchError(`${error.message} (a resource of ${shownRoot})`, error.status);
    throw error instanceof RenderError ? new RenderError(`${error.message} (a resource of ${shownRoot})`, error.details) : error;
  });
  const unalias = overlay ? (path2) => unaliasBuild(overlay.unalias(path2)) : unaliasBuild;
  for (const [local, url] of overlay?.remoteFiles ?? []) {
    const bomb = findAliasBomb(readFileSync8(local, "utf8"));
    if (bomb) {
      overlay?.dispose();
      throw new ManifestError(`${redactCredentials(url)} (a resource of ${shownRoot}): ${bomb}; refused before building`);
    }
  }
  const buildRoot = overlay?.buildRoot ?? graph.root;
  let removeWrapper;
  try {
    const wrapper = request2.provenance ? mkdtempSync3(join8(tmpdir3(), "prune-guard-build-")) : void 0;
    if (wrapper) removeWrapper = registerCleanup(() => rmSync4(wrapper, { recursive: true, force: true }));
    if (wrapper) {
      const target = toPosix(relative6(wrapper, buildRoot));
      writeFileSync4(
        join8(wrapper, "kustomization.yaml"),
        `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
- ${JSON.stringify(target)}
buildMetadata: [originAnnotations]
`
      );
    }
    let output;
    try {
      output = await runner.build(wrapper ?? buildRoot);
    } catch (error) {
      if (error instanceof RenderError) {
        const prefixes = [buildRoot, graph.root, treeRoot, ...wrapper ? [wrapper] : []];
        const named = nameRemoteFiles(error.message, overlay?.remoteFiles);
        const cause = redactObjectData(redactCredentials(stripPaths(named.replace(WRAPPER_ERROR_PREFIX, ""), prefixes)));
        throw new RenderError(`kustomize failed on ${shownRoot}: ${cause}`, error.details === void 0 ? void 0 : redactObjectData(error.details));
      }
      throw error;
    }
    const objects = parseManifests(output, `kustomize output of ${shownRoot}`);
    request2.budget?.spend(objects.length, shownRoot);
    if (!wrapper) return objects.map((body) => ({ body }));
    const resolver = createProvenanceResolver(graph, treeRoot, wrapper, unalias, overlay?.remoteFiles ?? /* @__PURE__ */ new Map(), request2.remote?.mirrors ?? []);
    return objects.map((body) => {
      const { body: clean, origin } = takeOriginAnnotation(body);
      const provenance = origin ? resolver(origin, clean) : void 0;
      return provenance ? { body: clean, provenance } : { body: clean };
    });
  } finally {
    removeWrapper?.();
    overlay?.dispose();
  }
}
function redactObjectData(message) {
  return message.replace(/(\\?")(data|stringData|binaryData)\1:\{(?:[^{}]|\{[^{}]*\})*\}/g, "$1$2$1:$1(redacted)$1").replace(/\b(data|stringData|binaryData):map\[[^\]]*\]/g, "$1:(redacted)");
}
function nameRemoteFiles(message, remoteFiles) {
  let result = message;
  for (const [local, url] of remoteFiles ?? []) {
    const tail = local.split("/").slice(-3).join("/");
    result = result.replace(new RegExp(`[^\\s'"]*${escapeRegExp2(tail)}`, "g"), url);
  }
  return result;
}
function escapeRegExp2(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function takeOriginAnnotation(body) {
  const metadata = getMetadata(body);
  const annotations = metadata.annotations;
  if (!isRecord(annotations) || typeof annotations[ORIGIN_ANNOTATION] !== "string") return { body };
  const { [ORIGIN_ANNOTATION]: raw, ...rest } = annotations;
  const { annotations: _removed, ...otherMetadata } = metadata;
  const cleanMetadata = Object.keys(rest).length > 0 ? { ...otherMetadata, annotations: rest } : otherMetadata;
  let origin;
  try {
    origin = (0, import_yaml9.parse)(String(raw));
  } catch {
    origin = void 0;
  }
  return { body: { ...body, metadata: cleanMetadata }, ...isRecord(origin) ? { origin } : {} };
}
function createUnalias(aliases) {
  if (!aliases || aliases.size === 0) return (path2) => path2;
  return (path2) => {
    for (const [from, to] of aliases) {
      if (path2 === from) return to;
      if (path2.startsWith(`${from}/`)) return `${to}${path2.slice(from.length)}`;
    }
    return path2;
  };
}
function createProvenanceResolver(graph, treeRoot, wrapper, unalias, remoteFiles, mirrors) {
  const files = /* @__PURE__ */ new Map();
  const remotes = /* @__PURE__ */ new Map();
  const generators = [];
  for (const kustomization of graph.kustomizations) {
    for (const [file, origin] of kustomization.files) if (!files.has(file)) files.set(file, origin);
    for (const [url, origin] of kustomization.remotes) if (!remotes.has(url)) remotes.set(url, origin);
    for (const [key, origin] of kustomization.generators) generators.push({ kustomization: kustomization.file, key, origin });
  }
  const show2 = (path2) => toPosix(relative6(treeRoot, path2));
  const entry = (origin) => origin ? { kustomization: show2(origin.kustomization), line: origin.line } : {};
  return (origin, body) => {
    if (origin.configuredBy?.kind && origin.configuredIn) {
      const kustomization = unalias(resolve3(wrapper, origin.configuredIn));
      const name = String(getMetadata(body).name);
      const match2 = generators.filter((candidate) => candidate.kustomization === kustomization && candidate.key.startsWith(`${origin.configuredBy?.kind}/`)).filter((candidate) => name.includes(candidate.key.slice(candidate.key.indexOf("/") + 1))).sort((a, b) => b.key.length - a.key.length)[0];
      return {
        generator: origin.configuredBy.kind,
        kustomization: show2(kustomization),
        ...match2 ? { line: match2.origin.line } : {}
      };
    }
    if (origin.repo) {
      const asWritten = unapplyMirrors(origin.repo, mirrors);
      const path2 = (origin.path ?? "").replace(/^notCloned\/?/, "");
      const candidates = [path2 ? `${asWritten}/${path2}` : asWritten, asWritten];
      const url = candidates.find((candidate) => remotes.has(candidate));
      if (url) return { url, ...entry(remotes.get(url)) };
      const repo = redactCredentials(`${asWritten}${origin.ref ? `?ref=${origin.ref}` : ""}`);
      const listed = [...remotes.entries()].find(([candidate]) => candidate.startsWith(asWritten));
      return { repo, ...path2 ? { file: path2 } : {}, ...entry(listed?.[1]) };
    }
    if (origin.path) {
      const single = /(?:^|\/)(https?):\/([^/].*)$/.exec(origin.path);
      if (single) {
        const url = `${single[1]}://${single[2]}`;
        return { url, ...entry(remotes.get(url)) };
      }
      const local = resolve3(wrapper, origin.path);
      const fetched = remoteFiles.get(local);
      if (fetched) return { url: fetched, ...entry(remotes.get(fetched)) };
      const file = unalias(local);
      return { file: show2(file), ...entry(files.get(file)) };
    }
    return void 0;
  };
}
function stripPaths(message, prefixes) {
  let result = message;
  for (const prefix2 of prefixes) result = result.split(`${prefix2}/`).join("");
  return result;
}

// src/core/objects/limits.ts
var MAX_UNITS = 5e3;
var MAX_OBJECTS = 5e5;
function createObjectBudget(limit = MAX_OBJECTS) {
  let spent = 0;
  return {
    spend(count, source) {
      spent += count;
      if (spent > limit) {
        throw new ManifestError(`more than ${limit.toLocaleString("en-US")} objects rendered in one run (the last ${count.toLocaleString("en-US")} from ${source}): check a narrower path`);
      }
    }
  };
}
function checkUnitCount(count, what) {
  if (count > MAX_UNITS) throw new ManifestError(`more than ${MAX_UNITS.toLocaleString("en-US")} ${what} on one side (${count.toLocaleString("en-US")}): check a narrower path`);
}

// src/flux/discover-units.ts
async function discoverFluxUnits(declared, roots, options) {
  const units = [];
  const held = /* @__PURE__ */ new Set();
  const reachedPaths = [];
  const reachedKeys = /* @__PURE__ */ new Set();
  const explore = async (cluster, seeds) => {
    const renderedDocs = [];
    const reached = new Set(seeds.map(({ ks }) => ks.key));
    let level = seeds;
    while (level.length > 0) {
      const results = await options.mapInPool(level, options.concurrency, (item) => renderUnit(item, renderedDocs, options, cluster));
      const next = [];
      for (const unit of results) {
        units.push(cluster === void 0 ? unit : { ...unit, cluster });
        checkUnitCount(units.length, "Flux Kustomizations");
        renderedDocs.push(...unit.docs);
        reachedPaths.push(unit.ks.path);
        reachedKeys.add(unit.ks.key);
        for (const doc of unit.docs) {
          if (doc.provenance?.file) held.add(doc.provenance.file);
          const child = isFluxKustomization(doc.body) ? readFluxKustomization(doc.body) : void 0;
          if (!child || reached.has(child.key)) continue;
          reached.add(child.key);
          next.push({ ks: child, parent: unit.ks.key });
        }
      }
      level = next;
    }
  };
  for (const root of roots) await explore(root.name, [{ ks: root.ks, ...root.declaredIn ? { declaredIn: root.declaredIn } : {} }]);
  const isHeld = (file) => held.has(file);
  const unlisted = /* @__PURE__ */ new Set();
  const left = declared.filter(({ ks, file }) => {
    if (roots.some((root) => root.declaredIn === file && root.ks.key === ks.key) || isHeld(file)) return false;
    if (reachedPaths.some((path2) => isUnderPath(file, path2))) {
      unlisted.add(file);
      return false;
    }
    return true;
  });
  const entries = left.filter(({ ks, file }) => !declared.some((other) => other.ks.key !== ks.key && isUnderPath(file, other.ks.path)));
  await explore(void 0, dedupe(entries.map(({ ks, file }) => ({ ks, declaredIn: file }))));
  const rest = left.filter(({ ks, file }) => !reachedKeys.has(ks.key) && !isHeld(file));
  await explore(void 0, dedupe(rest.map(({ ks, file }) => ({ ks, declaredIn: file }))));
  const order = (unit) => `${unit.cluster ?? ""}\0${unit.ks.key}`;
  return { units: units.sort((a, b) => order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0), unlisted: [...unlisted].sort() };
}
async function loadPendingUnit(unit) {
  return unit.pending ? settleUnit(unit, await unit.pending()) : unit;
}
function settleUnit(unit, rendered) {
  const { docs, missingVariables, skipped, failure } = rendered;
  const { pending: _done, ...rest } = unit;
  return { ...rest, docs, missingVariables, ...skipped !== void 0 ? { skipped } : {}, ...failure !== void 0 ? { failure } : {} };
}
function dedupe(seeds) {
  return seeds.filter((seed, index) => seeds.findIndex((other) => other.ks.key === seed.ks.key) === index);
}
async function renderUnit(item, renderedDocs, options, cluster) {
  const { ks } = item;
  const base = { ks, ...item.parent ? { parent: item.parent } : {}, ...item.declaredIn ? { declaredIn: item.declaredIn } : {} };
  const source = options.checkSource(ks.sourceRef, ks.path, renderedDocs, cluster);
  if ("problem" in source) return { ...base, skipped: source.problem, docs: [], missingVariables: [] };
  if (source.note) options.notes?.add(source.note);
  if (item.declaredIn && !item.parent && /\$\{/.test(ks.path)) {
    return {
      ...base,
      skipped: `spec.path ${ks.path} holds a variable, and no Kustomization in this source applies ${item.declaredIn} to fill it`,
      docs: [],
      missingVariables: []
    };
  }
  let plan;
  let inputs;
  try {
    plan = planFluxBuild(options.artifact, source.root === "" ? ks : { ...ks, path: posix.join(source.root, ks.path) }, options.show);
    if (plan.outside.length > 0) {
      const unalias = createUnalias(plan.aliases);
      const outside = plan.outside.map((ref) => ({ ...ref, file: toPosix(relative7(options.artifact.root, unalias(ref.file))) }));
      return { ...base, skipped: `it reads a file outside the repository: ${outside[0]?.value ?? ""}`, docs: [], missingVariables: [], outside };
    }
    inputs = options.inspect(plan);
  } catch (error) {
    return describeFailedUnit(base, error);
  }
  const variables = collectVariables(ks, renderedDocs, options.clusterVariables, options.secretValues);
  const key = createHash5("sha256").update(JSON.stringify([ks, source.root, plan.kustomization ?? null, inputs.hash, variables ?? null])).digest("hex");
  const planned = { ...base, key, inputs };
  const render = async () => {
    let docs;
    try {
      const built = await options.build(plan, ks, inputs);
      docs = source.origins ? built.map((doc) => traceOrigins(doc, source.origins)) : built;
    } catch (error) {
      return { ...describeFailedUnit(base, error), key, inputs };
    }
    const missing = /* @__PURE__ */ new Set();
    const finished = docs.map((doc) => {
      let body = doc.body;
      if (variables) {
        const result = substituteObject(body, variables);
        body = result.body;
        for (const name of result.missing) missing.add(name);
      }
      body = applyCommonMetadata(body, ks);
      return doc.provenance ? { body, provenance: doc.provenance } : { body };
    });
    return { ...planned, docs: finished, missingVariables: [...missing].sort() };
  };
  if (options.mustRender(inputs, ks)) return render();
  return { ...planned, docs: [], missingVariables: [], pending: render };
}
function describeFailedUnit(base, error) {
  const failure = describeBuildFailure(error);
  if (failure === void 0) throw error;
  return { ...base, skipped: `it does not build: ${failure}`, failure, docs: [], missingVariables: [] };
}
function traceOrigins(doc, origins) {
  const { provenance } = doc;
  if (!provenance) return doc;
  const file = provenance.file !== void 0 ? origins.get(provenance.file) : void 0;
  const kustomization = provenance.kustomization !== void 0 ? origins.get(provenance.kustomization) : void 0;
  if (file === void 0 && kustomization === void 0) return doc;
  return { ...doc, provenance: { ...provenance, ...file !== void 0 ? { file } : {}, ...kustomization !== void 0 ? { kustomization } : {} } };
}
function describeBuildFailure(error) {
  if (!(error instanceof RenderError) || error instanceof FetchError || error instanceof RemoteDeniedError) return void 0;
  return error.message;
}
function collectVariables(ks, renderedDocs, clusterVariables, secretValues) {
  if (Object.keys(ks.substitute).length === 0 && ks.substituteFrom.length === 0) return void 0;
  const variables = { ...clusterVariables };
  for (const ref of ks.substituteFrom) {
    const source = renderedDocs.find(({ body }) => {
      const metadata = getMetadata(body);
      return body.kind === ref.kind && body.apiVersion === "v1" && metadata.name === ref.name && (metadata.namespace ?? ks.namespace) === ks.namespace;
    });
    if (!source) continue;
    const secret = ref.kind === "Secret";
    const data = isRecord(source.body.data) ? source.body.data : {};
    for (const [key, value] of Object.entries(data)) {
      const text = secret ? Buffer.from(String(value), "base64").toString("utf8") : String(value);
      variables[key] = text;
      if (secret) secretValues?.add(text).add(String(value));
    }
    if (secret && isRecord(source.body.stringData)) {
      for (const [key, value] of Object.entries(source.body.stringData)) {
        variables[key] = String(value);
        secretValues?.add(String(value));
      }
    }
  }
  return { ...variables, ...ks.substitute };
}
function applyCommonMetadata(body, ks) {
  const { labels, annotations } = ks.commonMetadata;
  if (Object.keys(labels).length === 0 && Object.keys(annotations).length === 0) return body;
  const metadata = getMetadata(body);
  const merge2 = (current, extra) => {
    if (Object.keys(extra).length === 0) return isRecord(current) ? current : void 0;
    return { ...isRecord(current) ? current : {}, ...extra };
  };
  const mergedLabels = merge2(metadata.labels, labels);
  const mergedAnnotations = merge2(metadata.annotations, annotations);
  return {
    ...body,
    metadata: {
      ...metadata,
      ...mergedLabels ? { labels: mergedLabels } : {},
      ...mergedAnnotations ? { annotations: mergedAnnotations } : {}
    }
  };
}
function declaresFluxKustomizations(dir) {
  if (!existsSync5(dir) || !statSync4(dir).isDirectory()) return false;
  const walk = (current) => {
    for (const entry of readdirSync6(current, { withFileTypes: true })) {
      if (entry.name === ".git" || entry.name === "node_modules") continue;
      const path2 = join9(current, entry.name);
      if (entry.isDirectory()) {
        if (walk(path2)) return true;
      } else if (entry.isFile() && /\.ya?ml$/.test(entry.name)) {
        const text = readFileSync9(path2, "utf8");
        if (/apiVersion:\s*["']?kustomize\.toolkit\.fluxcd\.io\/v1(beta[12])?\b/.test(text) && /kind:\s*["']?Kustomization\b/.test(text)) return true;
      }
    }
    return false;
  };
  return walk(dir);
}

// src/core/rules/other-units.ts
var CRD_MARKER = "CustomResourceDefinition";
function decideOtherUnitsNeed(units) {
  let need = "none";
  for (const { diff } of units) {
    if (diff.removed.length > 0) return "all";
    const touched = [...diff.added, ...diff.changed.map((change) => change.after), ...diff.replaced.map((replacement) => replacement.after)];
    if (touched.some((object) => object.scope === "unknown")) need = "crds";
  }
  return need;
}
function selectNeededUnits(need, units, inputsOf) {
  if (need === "none") return [];
  if (need === "all") return [...units];
  return units.filter((unit) => {
    const inputs = inputsOf(unit);
    return !inputs || inputs.remote || inputs.markers.has(CRD_MARKER);
  });
}

// src/flux/render-needs.ts
var DISCOVERY_MARKERS = ["kustomize.toolkit.fluxcd.io", "ArtifactGenerator"];
var SUPPLIER_KIND_MARKERS = ["ConfigMap", "configMapGenerator", "Secret", "secretGenerator"];
var NAMING_MARKERS = ["namePrefix", "nameSuffix"];
var MAX_NAME_MARKERS = 200;
function createRenderNeeds(declared) {
  const names = [...new Set(declared.flatMap((ks) => ks.substituteFrom.map((ref) => ref.name)))].sort();
  const anyName = names.length > MAX_NAME_MARKERS || names.some((name) => name.includes("${") || name === "");
  const markers = [...DISCOVERY_MARKERS, ...SUPPLIER_KIND_MARKERS, ...NAMING_MARKERS, CRD_MARKER, ...anyName ? [] : names];
  return {
    markers,
    mustRender: (inputs, ks) => {
      if (anyName || inputs.remote) return true;
      const has = (marker) => inputs.markers.has(marker);
      if (DISCOVERY_MARKERS.some(has) || names.some(has)) return true;
      const renamed = ks.namePrefix !== void 0 || ks.nameSuffix !== void 0 || NAMING_MARKERS.some(has);
      return names.length > 0 && renamed && SUPPLIER_KIND_MARKERS.some(has);
    }
  };
}

// src/flux/find-roots.ts
function findClusterRoots(declared, objects, configured = []) {
  if (configured.length > 0) {
    return configured.map((cluster) => {
      const sync = declared.find(({ ks, file }) => ks.path === cluster.path && isUnderPath(file, ks.path));
      return sync ? { name: cluster.name, ks: sync.ks, declaredIn: sync.file } : { name: cluster.name, ks: createSyncKustomization(cluster.path, FLUX_SYSTEM_SOURCE) };
    }).sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  }
  const roots = [];
  for (const { ks, file } of declared) if (isUnderPath(file, ks.path) && ks.path !== "") roots.push({ ks, declaredIn: file });
  for (const { file, body } of objects) {
    const ks = readFluxInstanceSync(body);
    if (ks && !roots.some((root) => root.ks.path === ks.path)) roots.push({ ks, declaredIn: file });
  }
  const covered = (file) => roots.some((root) => isUnderPath(file, root.ks.path) || root.ks.sourceRef.kind === "OCIRepository" && file.includes(`/${root.ks.path}/`));
  const entryPoints = declared.filter(({ ks, file }) => !covered(file) && !declared.some((other) => other.ks.key !== ks.key && isUnderPath(file, other.ks.path)));
  const folders = new Set(entryPoints.flatMap(({ file }) => findClusterFolder(file) ?? []));
  for (const folder of [...folders].sort()) {
    roots.push({
      ks: createSyncKustomization(folder, FLUX_SYSTEM_SOURCE),
      note: `${folder} has no committed flux-system sync Kustomization or FluxInstance, so it is taken to be applied as bootstrap --path=${folder} does (declare it under clusters in .prune-guard.yaml if it is not)`
    });
  }
  return nameRoots(roots);
}
var FLUX_SYSTEM_SOURCE = { kind: "GitRepository", name: "flux-system", namespace: "flux-system" };
function findClusterFolder(file) {
  const parts = file.split("/");
  if (parts.length < 3) return void 0;
  const at = parts.lastIndexOf("clusters", parts.length - 3);
  return at >= 0 ? parts.slice(0, at + 2).join("/") : void 0;
}
function nameRoots(roots) {
  const short = (root) => root.ks.path.split("/").pop() || ".";
  const counts = /* @__PURE__ */ new Map();
  for (const root of roots) counts.set(short(root), (counts.get(short(root)) ?? 0) + 1);
  return roots.map((root) => ({ ...root, name: (counts.get(short(root)) ?? 0) > 1 ? root.ks.path || "." : short(root) })).sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}
function readFluxInstanceSync(body) {
  if (body.kind !== "FluxInstance" || getApiGroup(String(body.apiVersion)) !== "fluxcd.controlplane.io") return void 0;
  const spec = isRecord(body.spec) ? body.spec : {};
  const sync = isRecord(spec.sync) ? spec.sync : void 0;
  if (!sync || typeof sync.path !== "string") return void 0;
  const metadata = getMetadata(body);
  const namespace = typeof metadata.namespace === "string" && metadata.namespace !== "" ? metadata.namespace : "flux-system";
  return createSyncKustomization(normalizeFluxPath(sync.path), { kind: String(sync.kind ?? "GitRepository"), name: "flux-system", namespace });
}
function createSyncKustomization(path2, sourceRef) {
  const ks = readFluxKustomization({
    apiVersion: "kustomize.toolkit.fluxcd.io/v1",
    kind: "Kustomization",
    metadata: { name: "flux-system", namespace: sourceRef.namespace },
    spec: { interval: "10m", path: `./${path2}`, prune: true, sourceRef }
  });
  if (!ks) throw new Error("a sync Kustomization always reads");
  return ks;
}

// src/flux/external-artifacts.ts
import { createHash as createHash6 } from "node:crypto";
import { copyFileSync as copyFileSync2, existsSync as existsSync6, mkdirSync as mkdirSync5, readdirSync as readdirSync7, rmSync as rmSync5, statSync as statSync5 } from "node:fs";
import { basename as basename2, dirname as dirname6, join as join10, posix as posix2, relative as relative8 } from "node:path";
var MAX_COPIED_FILES = 5e4;
var CopyProblem = class extends Error {
};
function addExternalArtifacts(objects, artifact, check) {
  const declared = indexGeneratedArtifacts(objects);
  const built = /* @__PURE__ */ new Map();
  return (ref, path2, rendered = [], cluster) => {
    if (ref.kind !== "ExternalArtifact") return check(ref, path2, rendered, cluster);
    const key = `${ref.namespace}/${ref.name}`;
    const output = indexGeneratedArtifacts(rendered.map((doc) => doc.body)).get(key) ?? declared.get(key);
    if (!output) return { problem: `its source ExternalArtifact/${key} is not made by an ArtifactGenerator of this repository` };
    const identity = JSON.stringify([key, [...output.sources], output.copy]);
    const known = built.get(`${cluster ?? ""}\0${identity}`);
    if (known) return known;
    const resolution = buildTree(key, identity, output, artifact, (source, sourcePath2) => check(source, sourcePath2, rendered, cluster));
    built.set(`${cluster ?? ""}\0${identity}`, resolution);
    return resolution;
  };
}
function indexGeneratedArtifacts(objects) {
  const outputs = /* @__PURE__ */ new Map();
  for (const body of objects) {
    if (body.kind !== "ArtifactGenerator" || getApiGroup(String(body.apiVersion)) !== "source.extensions.fluxcd.io") continue;
    const metadata = getMetadata(body);
    const namespace = typeof metadata.namespace === "string" && metadata.namespace !== "" ? metadata.namespace : "flux-system";
    const spec = isRecord(body.spec) ? body.spec : {};
    const sources = /* @__PURE__ */ new Map();
    for (const source of (Array.isArray(spec.sources) ? spec.sources : []).filter(isRecord)) {
      sources.set(String(source.alias), {
        kind: String(source.kind ?? ""),
        name: String(source.name ?? ""),
        namespace: typeof source.namespace === "string" && source.namespace !== "" ? source.namespace : namespace
      });
    }
    for (const output of (Array.isArray(spec.artifacts) ? spec.artifacts : []).filter(isRecord)) {
      const key = `${namespace}/${String(output.name)}`;
      if (!outputs.has(key)) outputs.set(key, { generator: `${namespace}/${String(metadata.name)}`, sources, copy: (Array.isArray(output.copy) ? output.copy : []).filter(isRecord) });
    }
  }
  return outputs;
}
function buildTree(key, identity, output, artifact, check) {
  const name = `${BUILD_DIR_PREFIX}artifact-${createHash6("sha256").update(identity).digest("hex").slice(0, 12)}`;
  const tree = join10(artifact.root, name);
  rmSync5(tree, { recursive: true, force: true });
  mkdirSync5(tree);
  const notes = [];
  const origins = /* @__PURE__ */ new Map();
  let copied = 0;
  const copy = (source, destination) => {
    if (++copied > MAX_COPIED_FILES) throw new CopyProblem(`its copy rules copy more than ${MAX_COPIED_FILES.toLocaleString("en-US")} files`);
    mkdirSync5(dirname6(destination), { recursive: true });
    copyFileSync2(source, destination);
    origins.set(toPosix(relative8(artifact.root, destination)), toPosix(relative8(artifact.root, source)));
  };
  try {
    for (const rule of output.copy) {
      const from = String(rule.from ?? "");
      const alias = /^@([^/]+)\/(.*)$/.exec(from);
      if (!alias?.[1] || alias[2] === void 0) throw new CopyProblem(`copy from '${from}' does not start with @alias/`);
      const source = output.sources.get(alias[1]);
      if (!source) throw new CopyProblem(`copy from '${from}' names no source alias of ArtifactGenerator ${output.generator}`);
      const resolved = check(source, "");
      if ("problem" in resolved) throw new CopyProblem(`it copies from ${source.kind}/${source.namespace}/${source.name}, and ${resolved.problem.replace(/^its source /, "")}`);
      if (resolved.note) notes.push(resolved.note);
      if (rule.strategy !== void 0 && rule.strategy !== "Overwrite") throw new CopyProblem(`copy strategy ${String(rule.strategy)} is not modelled`);
      applyCopy(join10(artifact.root, resolved.root), alias[2], String(rule.to ?? ""), tree, (Array.isArray(rule.exclude) ? rule.exclude : []).map(String), copy);
    }
  } catch (error) {
    if (!(error instanceof CopyProblem)) throw error;
    return { problem: `its source ExternalArtifact/${key} (ArtifactGenerator ${output.generator}) cannot be rebuilt here: ${error.message}` };
  }
  return { root: name, origins, ...notes.length > 0 ? { note: notes.join("; ") } : {} };
}
function applyCopy(sourceRoot, pattern, to, tree, exclude, copy) {
  if (!to.startsWith("@artifact/")) throw new CopyProblem(`copy to '${to}' does not start with @artifact/`);
  const target = checkRelative(to.slice("@artifact/".length), to);
  const toFolder = to.endsWith("/");
  const excluded = (path2, base2) => isExcluded(path2, exclude) || base2 !== "." && path2.startsWith(`${base2}/`) && isExcluded(path2.slice(base2.length + 1), exclude);
  if (!/[*?[\]]/.test(pattern)) {
    const path2 = checkRelative(pattern, pattern);
    const source = join10(sourceRoot, path2);
    if (path2 === "" || !existsSync6(source)) throw new CopyProblem(`source '${pattern}' does not exist`);
    if (statSync5(source).isDirectory()) return copyTree2(source, join10(tree, target, basename2(path2)), path2, exclude, copy);
    if (excluded(path2, ".")) return;
    const into = toFolder || existsSync6(join10(tree, target)) && statSync5(join10(tree, target)).isDirectory();
    copy(source, join10(tree, target, into ? basename2(path2) : ""));
    return;
  }
  const matches = matchGlob(sourceRoot, pattern);
  if (matches.length === 0) throw new CopyProblem(`no files match pattern '${pattern}'`);
  const base = selectionRoot(pattern);
  const kept = matches.filter((match2) => !excluded(match2, base));
  if (kept.length === 0) throw new CopyProblem(`every file matching '${pattern}' is excluded`);
  const prefix2 = pattern.endsWith("/**") ? pattern.slice(0, -3) : void 0;
  for (const match2 of kept) {
    const below = prefix2 !== void 0 && match2.startsWith(`${prefix2}/`) ? match2.slice(prefix2.length + 1) : match2;
    const source = join10(sourceRoot, match2);
    if (statSync5(source).isDirectory()) copyTree2(source, join10(tree, target, below), match2, exclude, copy);
    else copy(source, join10(tree, target, below));
  }
}
function checkRelative(path2, shown) {
  const clean = posix2.normalize(path2.replace(/\/+$/, "") || ".");
  if (clean.startsWith("/") || clean === ".." || clean.startsWith("../") || clean.includes("\0")) throw new CopyProblem(`'${shown}' leads outside its root`);
  return clean === "." ? "" : clean;
}
function matchGlob(root, pattern) {
  let current = [""];
  for (const segment of pattern.split("/").filter((part) => part !== "" && part !== ".")) {
    if (segment === "..") throw new CopyProblem(`'${pattern}' leads outside its root`);
    const next = [];
    for (const dir of current) {
      const full = join10(root, dir);
      if (!existsSync6(full) || !statSync5(full).isDirectory()) continue;
      for (const entry of readdirSync7(full).sort()) {
        if (minimatch(entry, segment.replace(/\*\*/g, "*"), { dot: true })) next.push(dir === "" ? entry : `${dir}/${entry}`);
      }
    }
    current = next;
  }
  return current.filter((path2) => path2 !== "");
}
function selectionRoot(pattern) {
  const parts = [];
  for (const part of pattern.split("/")) {
    if (/[*?[\]]/.test(part)) break;
    parts.push(part);
  }
  return parts.length === 0 ? "." : parts.join("/");
}
function isExcluded(path2, exclude) {
  return exclude.some((pattern) => minimatch(path2, pattern, { dot: true }) || !pattern.includes("/") && minimatch(posix2.basename(path2), pattern, { dot: true }));
}
function copyTree2(source, destination, shownPath, exclude, copy) {
  mkdirSync5(destination, { recursive: true });
  for (const entry of readdirSync7(source, { withFileTypes: true })) {
    const path2 = `${shownPath}/${entry.name}`;
    if (isExcluded(path2, exclude)) continue;
    if (entry.isDirectory()) copyTree2(join10(source, entry.name), join10(destination, entry.name), path2, exclude, copy);
    else if (entry.isFile()) copy(join10(source, entry.name), join10(destination, entry.name));
  }
}

// src/flux/sources.ts
function indexSources(objects) {
  const sources = /* @__PURE__ */ new Map();
  for (const body of objects) {
    if (body.kind !== "GitRepository" && body.kind !== "OCIRepository" || getApiGroup(String(body.apiVersion)) !== "source.toolkit.fluxcd.io") continue;
    const metadata = getMetadata(body);
    const spec = isRecord(body.spec) ? body.spec : {};
    const namespace = typeof metadata.namespace === "string" && metadata.namespace !== "" ? metadata.namespace : "flux-system";
    sources.set(`${String(body.kind)}/${namespace}/${String(metadata.name)}`, { url: String(spec.url ?? ""), ref: isRecord(spec.ref) ? spec.ref : {} });
  }
  return sources;
}
function createSourceCheck(objects, context) {
  const declared = indexSources(objects);
  const ours = context.repoUrl ? normalizeGitUrl(context.repoUrl) : void 0;
  const configured = (kind, name, cluster) => [...(cluster !== void 0 ? context.clusterSources?.get(cluster) : void 0) ?? [], ...context.configured].find((entry) => entry.kind === kind && entry.name === name);
  const pushed = /* @__PURE__ */ new Map();
  return (ref, path2, _rendered, cluster) => {
    const name = `${ref.namespace}/${ref.name}`;
    if (ref.kind === "OCIRepository") {
      const setting2 = configured("OCIRepository", name, cluster);
      if (setting2) return { root: setting2.path ?? "" };
      if (ref.name !== "flux-system") return { problem: `its source is OCIRepository/${name}, not this repository` };
      const key = `${cluster ?? ""}\0${name}`;
      const found = pushed.get(key) ?? resolvePushedFolder(name, path2, context);
      pushed.set(key, found);
      return found;
    }
    if (ref.kind !== "GitRepository") return { problem: `its source is ${ref.kind}/${name}, not this repository` };
    const setting = configured("GitRepository", name, cluster);
    if (setting) return { root: setting.path ?? "" };
    const source = declared.get(`GitRepository/${name}`);
    if (source !== void 0 && ours !== void 0 && normalizeGitUrl(source.url) !== ours) {
      return { problem: `its source GitRepository/${name} points at ${source.url}, not this repository (list it under sources in .prune-guard.yaml if it is)` };
    }
    if (source !== void 0 && (ours !== void 0 || ref.name === "flux-system")) {
      const other = describeOtherRef(source.ref, context.branch);
      return other ? { problem: `its source GitRepository/${name} follows ${other} of this repository, not the change under review (list it under sources in .prune-guard.yaml if it is)` } : { root: "" };
    }
    if (ref.name === "flux-system") return { root: "" };
    return source !== void 0 ? { problem: `cannot tell whether GitRepository/${name} (${source.url}) is this repository: list it under sources in .prune-guard.yaml if it is` } : { problem: `its source GitRepository/${name} is not declared in this repository: list it under sources in .prune-guard.yaml if it is this one` };
  };
}
function describeOtherRef(ref, branch) {
  const text = (key) => typeof ref[key] === "string" && ref[key] !== "" ? ref[key] : void 0;
  const commit = text("commit");
  if (commit) return `commit ${commit}`;
  const tag = text("tag");
  if (tag) return `tag ${tag}`;
  const semver = text("semver");
  if (semver) return `semver ${semver}`;
  const named = text("name");
  if (named && !(branch !== void 0 && named === `refs/heads/${branch}`)) return `${named}`;
  const followed = text("branch");
  if (followed && branch !== void 0 && followed !== branch) return `branch ${followed}`;
  return void 0;
}
function resolvePushedFolder(name, path2, context) {
  const folder = findPushedFolder(path2, context);
  if (folder === void 0) {
    return { problem: `its source OCIRepository/${name} is an artifact, and no single folder of this repository holds ./${path2} to say it is pushed from there (list it under sources in .prune-guard.yaml with that folder)` };
  }
  return { root: folder, note: `OCIRepository/${name} is taken to be pushed from ${folder || "."}/, the one folder holding ./${path2} (declare it under sources in .prune-guard.yaml if it is not)` };
}
function findPushedFolder(path2, context) {
  const candidates = ["", ...context.listFolders()].filter((folder) => context.isDirectory(folder === "" ? path2 : path2 === "" ? folder : `${folder}/${path2}`));
  return candidates.length === 1 ? candidates[0] : void 0;
}
function normalizeGitUrl(url) {
  let value = url.trim().replace(/\/+$/, "").replace(/\.git$/, "");
  const scp = /^[^@/]+@([^:/]+):(.*)$/.exec(value);
  if (scp) value = `${scp[1]}/${scp[2]}`;
  else value = value.replace(/^[a-z+]+:\/\//i, "").replace(/^[^@/]+@/, "");
  return value.replace(/:\d+\//, "/").toLowerCase();
}

// src/render/pool.ts
async function mapInPool(items, width, task) {
  const results = new Array(items.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const index = next++;
      try {
        results[index] = await task(items[index]);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(width, items.length)) }, worker));
  return results;
}

// src/render/render-cache.ts
import { createHash as createHash7, randomBytes as randomBytes3 } from "node:crypto";
import { mkdirSync as mkdirSync6, readFileSync as readFileSync10, readdirSync as readdirSync8, renameSync as renameSync2, rmSync as rmSync6, statSync as statSync6, utimesSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join as join11 } from "node:path";
import { promisify } from "node:util";
import { gunzipSync, gzip } from "node:zlib";
var gzipAsync = promisify(gzip);
var FORMAT = "prune-guard-render/1";
var DEFAULT_RENDER_CACHE_BYTES = 512 * 1024 ** 2;
function createRenderCache(options) {
  const root = join11(options.dir, "renders");
  const maxBytes = options.maxBytes ?? DEFAULT_RENDER_CACHE_BYTES;
  const writes = [];
  let hits = 0;
  const pathOf = (key) => {
    const digest = createHash7("sha256").update(FORMAT).update("\0").update(key).digest("hex");
    return join11(root, digest.slice(0, 2), `${digest}.json.gz`);
  };
  return {
    get: (key) => {
      const path2 = pathOf(key);
      try {
        const entry = JSON.parse(gunzipSync(readFileSync10(path2)).toString("utf8"));
        if (!isRecord(entry) || entry.format !== FORMAT || entry.key !== key || !Array.isArray(entry.docs) || !entry.docs.every(isDoc)) return void 0;
        const now = /* @__PURE__ */ new Date();
        utimesSync(path2, now, now);
        hits++;
        return entry.docs;
      } catch {
        return void 0;
      }
    },
    put: (key, docs) => {
      const path2 = pathOf(key);
      writes.push(
        (async () => {
          const bytes = await gzipAsync(JSON.stringify({ format: FORMAT, key, docs }), { level: 1 });
          mkdirSync6(join11(path2, ".."), { recursive: true });
          const temporary = `${path2}.${process.pid}.${randomBytes3(4).toString("hex")}.tmp`;
          try {
            await writeFile(temporary, bytes);
            renameSync2(temporary, path2);
          } finally {
            rmSync6(temporary, { force: true });
          }
        })().catch(() => void 0)
      );
    },
    close: async () => {
      await Promise.all(writes);
      try {
        evictOldest(root, maxBytes);
      } catch {
      }
    },
    hits: () => hits
  };
}
function isDoc(value) {
  return isRecord(value) && isRecord(value.body) && (value.provenance === void 0 || isRecord(value.provenance));
}
function evictOldest(root, maxBytes) {
  const entries = [];
  let total = 0;
  for (const bucket of readdirSync8(root)) {
    const dir = join11(root, bucket);
    for (const name of readdirSync8(dir)) {
      const path2 = join11(dir, name);
      const stat = statSync6(path2, { throwIfNoEntry: false });
      if (!stat?.isFile()) continue;
      if (name.endsWith(".tmp") && Date.now() - stat.mtimeMs > 36e5) {
        rmSync6(path2, { force: true });
        continue;
      }
      entries.push({ path: path2, size: stat.size, used: stat.mtimeMs });
      total += stat.size;
    }
  }
  if (total <= maxBytes) return;
  entries.sort((a, b) => a.used - b.used);
  for (const entry of entries) {
    if (total <= maxBytes * 0.8) break;
    rmSync6(entry.path, { force: true });
    total -= entry.size;
  }
}
async function renderThroughCache(cache2, key, render) {
  if (!cache2 || key === void 0) return { docs: await render(), cached: false };
  const stored = cache2.get(key);
  if (stored) return { docs: stored, cached: true };
  const docs = await render();
  cache2.put(key, docs);
  return { docs, cached: false };
}

// src/core/diff/diff-object-sets.ts
var import_fast_json_patch = __toESM(require_fast_json_patch(), 1);
var import_yaml10 = __toESM(require_dist(), 1);
var REDACTED_CHANGED = "(redacted, changed)";
function diffObjectSets(before, after) {
  const added = [];
  const removed = [];
  const changed = [];
  let unchanged = 0;
  for (const [key, old] of before) {
    const current = after.get(key);
    if (!current) {
      removed.push(old);
      continue;
    }
    const change = compareObject(old, current);
    if (change) changed.push(change);
    else unchanged += 1;
  }
  for (const [key, current] of after) if (!before.has(key)) added.push(current);
  const { replaced, removed: stillRemoved, added: stillAdded } = pairGeneratedNames(removed, added);
  return {
    added: stillAdded.sort(compareObjects),
    removed: stillRemoved.sort(compareObjects),
    changed: changed.sort((a, b) => compareObjects(a.before, b.before)),
    replaced: replaced.sort((a, b) => compareObjects(a.before, b.before)),
    unchanged
  };
}
function compareObject(before, after) {
  const secretKeys = before.secretDigests || after.secretDigests ? compareSecretKeys(before, after) : void 0;
  const secretChanged = secretKeys !== void 0 && secretKeys.changed.length > 0;
  const afterBody = secretChanged ? markChangedSecretKeys(after.body, secretKeys.changed) : after.body;
  const patch = (0, import_fast_json_patch.compare)(before.body, afterBody);
  if (patch.length === 0) return void 0;
  const name = formatObjectRef(before.id);
  const patchText = createTwoFilesPatch(name, name, toYaml(before.body), toYaml(afterBody), "before", "after", { context: 3 });
  const diff = patchText.slice(Math.max(0, patchText.indexOf("--- ")));
  return { before, after, patch, diff, ...secretKeys ? { secretKeys } : {} };
}
function compareSecretKeys(before, after) {
  const old = before.secretDigests ?? {};
  const current = after.secretDigests ?? {};
  const keys = [.../* @__PURE__ */ new Set([...Object.keys(old), ...Object.keys(current)])].sort();
  return {
    added: keys.filter((key) => !(key in old)),
    removed: keys.filter((key) => !(key in current)),
    changed: keys.filter((key) => key in old && key in current && old[key] !== current[key])
  };
}
function markChangedSecretKeys(body, keys) {
  const copy = { ...body };
  for (const field of ["data", "stringData"]) {
    const values = body[field];
    if (values === REDACTED && keys.includes(formatWholeFieldKey(field))) copy[field] = REDACTED_CHANGED;
    if (!isRecord(values)) continue;
    copy[field] = Object.fromEntries(
      Object.entries(values).map(([key, value]) => [key, keys.includes(key) ? REDACTED_CHANGED : value])
    );
  }
  return copy;
}
function toYaml(body) {
  return (0, import_yaml10.stringify)(body, { sortMapEntries: true, lineWidth: 0 });
}
var KUSTOMIZE_HASH_SUFFIX = /^(.+)-[2456789bcdfghkmt]{10}$/;
var GENERATED_KINDS = /* @__PURE__ */ new Set(["ConfigMap", "Secret"]);
function getGeneratedNameStem(object) {
  if (object.id.group !== "" || !GENERATED_KINDS.has(object.id.kind)) return void 0;
  return KUSTOMIZE_HASH_SUFFIX.exec(object.id.name)?.[1];
}
function pairGeneratedNames(removed, added) {
  const stemKey = (object) => {
    const stem = getGeneratedNameStem(object);
    return stem === void 0 ? void 0 : `${object.id.kind}/${object.id.namespace}/${stem}`;
  };
  const groupBy = (objects) => {
    const groups = /* @__PURE__ */ new Map();
    for (const object of objects) {
      const key = stemKey(object);
      if (key !== void 0) groups.set(key, [...groups.get(key) ?? [], object]);
    }
    return groups;
  };
  const removedByStem = groupBy(removed);
  const addedByStem = groupBy(added);
  const replaced = [];
  const paired = /* @__PURE__ */ new Set();
  for (const [key, olds] of removedByStem) {
    const news = addedByStem.get(key);
    const [old] = olds;
    const [current] = news ?? [];
    if (olds.length !== 1 || news?.length !== 1 || !old || !current) continue;
    replaced.push({ before: old, after: current, reason: "generated-name" });
    paired.add(old).add(current);
  }
  return {
    replaced,
    removed: removed.filter((object) => !paired.has(object)),
    added: added.filter((object) => !paired.has(object))
  };
}

// src/app/analyze-units.ts
function analyzeUnitsInDetail(sides, units, settings, extra = {}) {
  const { owners, extraFindings = [], notes = [], builds = 0, cached = 0 } = extra;
  const renders = units.flatMap((unit) => [unit.before, unit.after]).filter((docs) => docs !== void 0);
  const scope = createScopeResolver(collectCrdScopes([...new Set(renders)].flat()), settings.config.clusterScoped);
  const sets = /* @__PURE__ */ new Map();
  const setOf = (docs) => {
    if (!docs) return /* @__PURE__ */ new Map();
    let set = sets.get(docs);
    if (!set) {
      set = dropIgnoredObjects(buildObjectSet(docs, scope), settings.config);
      sets.set(docs, set);
    }
    return set;
  };
  const diffs = units.map(({ name, cluster, before, after, skipped, identical }) => {
    const beforeSet = skipped ? /* @__PURE__ */ new Map() : setOf(before);
    const afterSet = skipped ? /* @__PURE__ */ new Map() : setOf(after);
    return {
      unit: name,
      ...cluster !== void 0 ? { cluster } : {},
      before: beforeSet,
      after: afterSet,
      diff: diffObjectSets(beforeSet, afterSet),
      existsBefore: before !== void 0 || identical === true,
      existsAfter: after !== void 0 || identical === true,
      ...skipped ? { skipped } : {},
      ...identical ? { identical } : {}
    };
  });
  const report = buildReport({
    version: "0.1.0",
    before: sides.before,
    after: sides.after,
    units: diffs,
    failOn: settings.failOn,
    config: settings.config,
    ...owners ? { owners } : {},
    extraFindings,
    notes,
    builds,
    cached
  });
  return { report, units: diffs, scope };
}

// src/app/compare-flux-sides.ts
async function compareFluxSides(sides, context) {
  const { runner, remote: remote2, settings, concurrency: width } = context;
  const artifacts = [];
  const secretValues = /* @__PURE__ */ new Set();
  const notes = /* @__PURE__ */ new Set();
  try {
    const cache2 = /* @__PURE__ */ new Map();
    const counts = { builds: 0, cached: 0 };
    const scan = (side) => {
      const artifact = createArtifact(side.root, side.files ? { files: side.files } : {});
      artifacts.push(artifact);
      const objects = scanSourceObjects(artifact.root);
      return { side, artifact, objects, declared: findDeclaredKustomizations(objects) };
    };
    const beforeScan = scan(sides.before);
    const afterScan = scan(sides.after);
    const needs = createRenderNeeds([...beforeScan.declared, ...afterScan.declared].map(({ ks }) => ks));
    const discover = async ({ side, artifact, objects, declared }) => {
      const show2 = (path2) => side.show(join12(side.root, toPosix(path2.slice(artifact.root.length + 1))));
      const files = createInputFiles(needs.markers);
      const build2 = (plan, ks, inputs) => {
        const key = `${ks.key}\0${plan.kustomization ?? ""}\0${inputs.hash}`;
        let pending2 = cache2.get(key);
        if (!pending2) {
          const stored = inputs.remote || runner.identity === void 0 ? void 0 : JSON.stringify(["flux", runner.identity, key, [...plan.aliases].map(([from, to]) => [relative9(artifact.root, from), relative9(artifact.root, to)])]);
          const render = () => renderRoot(runner, { treeRoot: artifact.root, graph: plan.graph, show: show2, provenance: true, aliases: plan.aliases, budget: settings.budget, remote: remote2 });
          pending2 = renderThroughCache(context.renders, stored, render).then(({ docs, cached }) => {
            if (cached) settings.budget.spend(docs.length, show2(plan.graph.root));
            counts[cached ? "cached" : "builds"]++;
            context.progress.rendered(cached);
            return docs;
          });
          cache2.set(key, pending2);
        }
        return pending2;
      };
      const bodies = objects.map(({ body }) => body);
      const roots = findClusterRoots(declared, objects, settings.config.clusters);
      const discovery = await discoverFluxUnits(declared, roots, {
        artifact,
        show: show2,
        inspect: (plan) => readGraphInputs(plan.graph, artifact.root, files, { confinement: artifact.confinement, show: (path2) => show2(createUnalias(plan.aliases)(path2)) }),
        build: build2,
        mustRender: needs.mustRender,
        checkSource: addExternalArtifacts(bodies, artifact, createSourceCheck(bodies, describeSourceContext(sides, artifact, settings.config))),
        notes,
        clusterVariables: settings.config.substitute,
        secretValues,
        concurrency: width,
        mapInPool
      });
      return { ...discovery, roots, show: (file) => show2(join12(artifact.root, file)) };
    };
    const before = await discover(beforeScan);
    const after = await discover(afterScan);
    const clusters = new Set([...before.units, ...after.units].flatMap((unit) => unit.cluster !== void 0 ? [unit.cluster] : []));
    for (const root of [...after.roots, ...before.roots]) if (root.note) notes.add(root.note);
    const pair2 = { before: nameUnits(before.units, clusters.size > 1), after: nameUnits(after.units, clusters.size > 1) };
    context.progress.planned(new Set([...pair2.before, ...pair2.after].map((unit) => unit.name)).size);
    const identical = findIdenticalUnits(pair2);
    const analyze2 = () => ({
      ...analyzeFluxUnits(sides, pair2, identical, settings, [...notes].sort(), counts),
      secretValues: [...secretValues].sort(),
      // Once per file: as the side after the change names it, when it is unlisted there.
      unlisted: [...new Map([...before.unlisted.map((file) => [file, before.show(file)]), ...after.unlisted.map((file) => [file, after.show(file)])]).values()].sort()
    });
    context.progress.phase("changed");
    await loadUnits(pair2, (unit) => context.renderAll || !identical.has(unit.name), width);
    let analysis = analyze2();
    const wanted = decideWantedUnits(analysis, pair2);
    if (wanted.size > 0) {
      context.progress.phase("needed");
      await loadUnits(pair2, (unit) => wanted.has(unit.name), width);
      analysis = analyze2();
    }
    context.progress.identical(analysis.report.stats.identical);
    context.progress.phase("done");
    const existing = new Set(analysis.report.units.filter((unit) => unit.after !== null).map((unit) => unit.name));
    return { analysis, units: new Map(analysis.units.map((unit) => [unit.unit, { diff: unit, exists: existing.has(unit.unit) }])) };
  } catch (error) {
    throw maskError(error, createSecretMask(secretValues));
  } finally {
    for (const artifact of artifacts) artifact.dispose();
  }
}
function describeSourceContext(sides, artifact, config) {
  let folders;
  const isDirectory = (path2) => {
    const full = join12(artifact.root, path2);
    return isInside(artifact.confinement, full) && existsSync7(full) && statSync7(full).isDirectory();
  };
  return {
    ...sides.repoUrl ? { repoUrl: sides.repoUrl } : {},
    ...sides.branch ? { branch: sides.branch } : {},
    configured: config.sources,
    clusterSources: new Map(config.clusters.map((cluster) => [cluster.name, cluster.sources])),
    isDirectory,
    listFolders: () => folders ??= listFolders(artifact.root)
  };
}
function listFolders(root) {
  const found = [];
  const walk = (dir, rel) => {
    for (const entry of readdirSync9(dir, { withFileTypes: true })) {
      if (!entry.isDirectory() || entry.name === ".git" || entry.name.startsWith(BUILD_DIR_PREFIX)) continue;
      const path2 = rel === "" ? entry.name : `${rel}/${entry.name}`;
      found.push(path2);
      walk(join12(dir, entry.name), path2);
    }
  };
  walk(root, "");
  return found.sort();
}
function nameUnits(units, byCluster) {
  const name = (cluster, key) => byCluster && cluster !== void 0 ? `${cluster}: ${key}` : key;
  return units.map((unit) => ({ ...unit, name: name(unit.cluster, unit.ks.key), ...unit.parent ? { parent: name(unit.cluster, unit.parent) } : {} }));
}
function findIdenticalUnits(pair2) {
  const before = new Map(pair2.before.map((unit) => [unit.name, unit.key]));
  return new Set(pair2.after.filter((unit) => unit.key !== void 0 && before.get(unit.name) === unit.key).map((unit) => unit.name));
}
async function loadUnits(pair2, wanted, width) {
  const after = await mapInPool(pair2.after, width, (unit) => unit.pending && wanted(unit) ? loadPendingUnit(unit) : Promise.resolve(unit));
  const byName = new Map(after.map((unit) => [unit.name, unit]));
  pair2.before = await mapInPool(pair2.before, width, async (unit) => {
    if (!unit.pending || !wanted(unit)) return unit;
    const twin = byName.get(unit.name);
    if (twin && twin.key === unit.key && !twin.pending) return settleUnit(unit, twin);
    return loadPendingUnit(unit);
  });
  pair2.after = after;
}
function decideWantedUnits(analysis, pair2) {
  const wanted = /* @__PURE__ */ new Set();
  const waiting = pair2.after.filter((unit) => unit.pending);
  for (const cluster of new Set(waiting.map((unit) => unit.cluster))) {
    const need = decideOtherUnitsNeed(analysis.units.filter((unit) => unit.cluster === cluster && !("identical" in unit)));
    const own = waiting.filter((unit) => unit.cluster === cluster);
    for (const unit of selectNeededUnits(need, own, (candidate) => candidate.inputs)) wanted.add(unit.name);
  }
  return wanted;
}
function analyzeFluxUnits(sides, pair2, identical, settings, notes, counts) {
  const before = new Map(pair2.before.map((unit) => [unit.name, unit]));
  const after = new Map(pair2.after.map((unit) => [unit.name, unit]));
  const keys = [.../* @__PURE__ */ new Set([...before.keys(), ...after.keys()])].sort();
  const findings = [...settings.configFindings];
  const owners = /* @__PURE__ */ new Map();
  const units = [];
  for (const key of keys) {
    const old = before.get(key);
    const current = after.get(key);
    if (old && current && identical.has(key)) {
      units.push(describeIdenticalUnit(old, current, owners));
      continue;
    }
    const unknownAfter = old && !current ? findUnrenderedAncestor(old, before, after) : void 0;
    const unknownBefore = current && !old ? findUnrenderedAncestor(current, after, before) : void 0;
    const skippedBefore = old?.skipped ?? (unknownBefore ? `its parent ${unknownBefore} is not rendered before the change` : void 0);
    const skippedAfter = current?.skipped ?? (unknownAfter ? `its parent ${unknownAfter} is not rendered after the change` : void 0);
    const ksBefore = old?.ks ?? (unknownBefore ? current?.ks : void 0);
    const ksAfter = current?.ks ?? (unknownAfter ? old?.ks : void 0);
    owners.set(key, {
      ...ksBefore ? { before: ksBefore } : {},
      ...ksAfter ? { after: ksAfter } : {},
      ...old?.parent ? { parentBefore: old.parent } : {},
      ...current?.parent ? { parentAfter: current.parent } : {},
      ...old?.declaredIn ? { declaredInBefore: old.declaredIn } : {},
      ...skippedBefore ? { skippedBefore } : {},
      ...skippedAfter ? { skippedAfter } : {},
      ...old?.failure ? { failedBefore: old.failure } : {},
      ...current?.failure ? { failedAfter: current.failure } : {},
      missingVariables: current?.missingVariables ?? []
    });
    const ks = (current ?? old)?.ks;
    const object = ks ? { group: "kustomize.toolkit.fluxcd.io", kind: "Kustomization", namespace: ks.namespace, name: ks.name, apiVersion: ks.apiVersion } : void 0;
    if (object && current?.outside) findings.push(...describeOutsideReads(key, object, "after", current.outside));
    if (object && old?.outside) findings.push(...describeOutsideReads(key, object, "before", old.outside));
    const judged = Boolean(skippedBefore) === Boolean(skippedAfter) && !old?.outside && !current?.outside;
    const why = skippedAfter ?? skippedBefore;
    const cluster = (current ?? old)?.cluster;
    units.push({
      name: key,
      ...cluster !== void 0 ? { cluster } : {},
      before: old?.docs ?? (unknownBefore ? [] : void 0),
      after: current?.docs ?? (unknownAfter ? [] : void 0),
      ...!judged && why ? { skipped: why } : {}
    });
  }
  return analyzeUnitsInDetail({ before: sides.before.info, after: sides.after.info }, units, settings, { owners, extraFindings: findings, notes, ...counts });
}
function describeIdenticalUnit(old, current, owners) {
  owners.set(current.name, {
    before: old.ks,
    after: current.ks,
    ...old.parent ? { parentBefore: old.parent } : {},
    ...current.parent ? { parentAfter: current.parent } : {},
    ...old.declaredIn ? { declaredInBefore: old.declaredIn } : {},
    missingVariables: []
  });
  const cluster = current.cluster;
  const base = { name: current.name, ...cluster !== void 0 ? { cluster } : {} };
  if (current.pending || old.pending || current.skipped !== void 0 || old.skipped !== void 0) return { ...base, before: void 0, after: void 0, identical: true };
  return { ...base, before: old.docs, after: current.docs };
}
function findUnrenderedAncestor(unit, own, other) {
  const seen = /* @__PURE__ */ new Set();
  for (let parent = unit.parent; parent !== void 0 && !seen.has(parent); parent = own.get(parent)?.parent) {
    seen.add(parent);
    const there = other.get(parent);
    if (there?.skipped) return parent;
    if (there) return void 0;
  }
  return void 0;
}
function maskError(error, mask) {
  if (mask.forms.length === 0 || !(error instanceof Error)) return error;
  error.message = mask.text(error.message);
  if (error.stack !== void 0) error.stack = mask.text(error.stack);
  if (error instanceof PruneGuardError && error.details !== void 0) {
    Object.defineProperty(error, "details", { value: mask.text(error.details) });
  }
  return error;
}

// src/app/compare-sides.ts
import { existsSync as existsSync8, statSync as statSync8 } from "node:fs";
import { join as join13, relative as relative10 } from "node:path";
async function compareSides(comparison, context) {
  const { before, after } = comparison;
  const { runner, remote: remote2, settings, concurrency: width } = context;
  const { plans, tasks } = planRenders(before, after, discoverRootNames(comparison));
  const shared = new Set(plans.filter((plan) => plan.before && plan.before === plan.after).map((plan) => plan.before));
  const counts = { builds: 0, cached: 0 };
  const render = async (task, provenance) => {
    const { side, graph, inputs } = task;
    const key = inputs.remote || runner.identity === void 0 ? void 0 : JSON.stringify(["root", runner.identity, provenance, toPosix(relative10(side.root, graph.root)), inputs.hash]);
    const result = await renderThroughCache(context.renders, key, () => renderRoot(runner, { treeRoot: side.root, graph, show: side.show, provenance, remote: remote2, budget: settings.budget }));
    if (result.cached) settings.budget.spend(result.docs.length, side.show(graph.root));
    counts[result.cached ? "cached" : "builds"]++;
    task.docs = result.docs;
    context.progress.rendered(result.cached);
  };
  const renderTasks = (list, provenance) => mapInPool(list, width, (task) => render(task, provenance(task)));
  context.progress.planned(plans.length);
  context.progress.phase("changed");
  await renderTasks(
    tasks.filter((task) => context.renderAll || !shared.has(task)),
    (task) => !shared.has(task)
  );
  let analysis = analyze(before, after, plans, settings, settings.configFindings, counts);
  const unrendered = tasks.filter((task) => !task.docs);
  if (unrendered.length > 0) {
    const need = decideOtherUnitsNeed(analysis.units.filter((unit) => !("identical" in unit)));
    const wanted = selectNeededUnits(need, unrendered, (task) => task.inputs);
    if (wanted.length > 0) {
      context.progress.phase("needed");
      await renderTasks(wanted, () => false);
      analysis = analyze(before, after, plans, settings, settings.configFindings, counts);
    }
  }
  const unitsWithFindings = new Set(analysis.report.findings.filter((finding) => !finding.provenance).map((finding) => finding.unit));
  const revisit = plans.filter((plan) => plan.before && shared.has(plan.before) && plan.before.docs && unitsWithFindings.has(plan.name));
  if (revisit.length > 0) {
    await mapInPool(revisit, width, (plan) => render(plan.before, true));
    analysis = analyze(before, after, plans, settings, settings.configFindings, counts);
  }
  context.progress.identical(analysis.report.stats.identical);
  context.progress.phase("done");
  const units = new Map(
    plans.map((plan, index) => [plan.name, { diff: analysis.units[index], exists: plan.after !== void 0, ...plan.after ? { headGraph: plan.after.graph } : {} }])
  );
  return { analysis, units };
}
function discoverRootNames({ before, after, paths, requireBothSides }) {
  const rootNames = /* @__PURE__ */ new Set();
  for (const path2 of paths) {
    const shown = path2 || ".";
    if (!existsSync8(join13(before.root, path2)) && !existsSync8(join13(after.root, path2))) {
      throw new UsageError(`path not found: ${shown} (in neither ${before.info.label} nor ${after.info.label})`);
    }
    let found = 0;
    for (const side of [before, after]) {
      const dir = join13(side.root, path2);
      if (!existsSync8(dir)) continue;
      if (!statSync8(dir).isDirectory()) throw new UsageError(`not a directory: ${shown}`);
      const roots = findKustomizationRoots(dir, side.show, side.confinement);
      if (roots.length === 0 && requireBothSides) throw new UsageError(`no kustomization.yaml found under ${side.show(dir)}`);
      for (const root of roots) rootNames.add(toPosix(relative10(side.root, root)));
      found += roots.length;
    }
    if (found === 0) throw new UsageError(`no kustomization.yaml found under ${shown}`);
  }
  checkUnitCount(rootNames.size, "kustomization roots");
  return [...rootNames].sort();
}
function planRenders(before, after, rootNames) {
  const files = createInputFiles([CRD_MARKER]);
  const tasks = /* @__PURE__ */ new Map();
  const plans = [];
  for (const name of rootNames) {
    const plan = { name: name || "." };
    for (const [key, side] of [["before", before], ["after", after]]) {
      const dir = join13(side.root, name);
      if (!findKustomizationFile(dir)) continue;
      const graph = readKustomizationGraph(dir, side.show, side.confinement);
      if (graph.kustomizations[0]?.isComponent) continue;
      const outside = listOutsideReferences(graph);
      if (outside.length > 0) {
        plan[key === "before" ? "outsideBefore" : "outsideAfter"] = outside.map((ref) => ({ ...ref, file: toPosix(relative10(side.root, ref.file)) }));
        continue;
      }
      const inputs = readGraphInputs(graph, side.root, files, { confinement: side.confinement, show: side.show });
      const hash = `${name}\0${inputs.hash}`;
      const task = tasks.get(hash) ?? { side, graph, inputs };
      tasks.set(hash, task);
      plan[key] = task;
    }
    plans.push(plan);
  }
  return { plans, tasks: [...tasks.values()] };
}
function analyze(before, after, plans, settings, extraFindings, counts) {
  const findings = [...extraFindings];
  const units = plans.map((plan) => {
    const skipped = describeOutsidePlan(plan, findings);
    const docs = (task, outside) => task?.docs ?? (outside ? [] : void 0);
    if (plan.before && plan.before === plan.after && !plan.before.docs) return { name: plan.name, before: void 0, after: void 0, identical: true };
    return { name: plan.name, before: docs(plan.before, plan.outsideBefore), after: docs(plan.after, plan.outsideAfter), ...skipped ? { skipped } : {} };
  });
  return analyzeUnitsInDetail({ before: before.info, after: after.info }, units, settings, { extraFindings: findings, ...counts });
}
function describeOutsidePlan(plan, findings) {
  const [side, reads] = plan.outsideAfter ? ["after", plan.outsideAfter] : plan.outsideBefore ? ["before", plan.outsideBefore] : [];
  if (!side || !reads) return void 0;
  const file = reads[0]?.file ?? plan.name;
  findings.push(...describeOutsideReads(plan.name, describeKustomizationObject(file), side, reads));
  if (side === "after" && plan.outsideBefore) findings.push(...describeOutsideReads(plan.name, describeKustomizationObject(file), "before", plan.outsideBefore));
  return `reads a file outside the repository ${side === "after" ? "after" : "before"} the change: ${reads[0]?.value ?? ""}`;
}

// src/render/kustomize/tree-index.ts
import { existsSync as existsSync9, readFileSync as readFileSync11, readdirSync as readdirSync10, statSync as statSync9 } from "node:fs";
import { join as join14, posix as posix3, relative as relative11 } from "node:path";
var FILE_SIZE_LIMIT = 32 * 1024 * 1024;
var SKIPPED_DIRS2 = /* @__PURE__ */ new Set([".git", "node_modules"]);
function indexTree(root, show2, files) {
  const confinement = createConfinement(root);
  const referenced = collectReferencedFiles(root, show2, confinement);
  const unlisted = (files ?? walkFiles(root)).filter(
    (path2) => /\.ya?ml$/i.test(path2) && !KUSTOMIZATION_FILE_NAMES.includes(posix3.basename(path2)) && !path2.split("/").some((part) => part.startsWith(BUILD_DIR_PREFIX)) && !referenced.has(join14(root, path2))
  );
  const texts = /* @__PURE__ */ new Map();
  return {
    unlisted,
    readText: (path2) => {
      if (!texts.has(path2)) {
        const absolute = join14(root, path2);
        const readable = existsSync9(absolute) && isInside(confinement, absolute) && statSync9(absolute).isFile() && statSync9(absolute).size <= FILE_SIZE_LIMIT;
        texts.set(path2, readable ? readFileSync11(absolute, "utf8") : void 0);
      }
      return texts.get(path2);
    }
  };
}
function collectReferencedFiles(root, show2, confinement) {
  const referenced = /* @__PURE__ */ new Set();
  const walk = (dir) => {
    let kustomization;
    try {
      kustomization = readKustomization(dir, show2, confinement);
    } catch {
      kustomization = void 0;
    }
    if (kustomization) {
      for (const file of kustomization.files.keys()) referenced.add(file);
      for (const path2 of kustomization.referencedPaths) referenced.add(path2);
    }
    for (const entry of readdirSync10(dir, { withFileTypes: true })) {
      if (entry.isDirectory() && !SKIPPED_DIRS2.has(entry.name) && !entry.name.startsWith(BUILD_DIR_PREFIX)) walk(join14(dir, entry.name));
    }
  };
  walk(root);
  return referenced;
}
function walkFiles(root) {
  const files = [];
  const walk = (dir) => {
    for (const entry of readdirSync10(dir, { withFileTypes: true })) {
      if (SKIPPED_DIRS2.has(entry.name)) continue;
      const path2 = join14(dir, entry.name);
      if (entry.isDirectory()) walk(path2);
      else if (entry.isFile()) files.push(toPosix(relative11(root, path2)));
    }
  };
  walk(root);
  return files.sort();
}

// src/app/fixes/fix-model.ts
import { join as join15 } from "node:path";
function createTreeChange(overrides, files, planning) {
  return { overrides: new Map(overrides), additions: new Map(files.map((file) => [join15(planning.head.root, file.path), file.content])) };
}
function describeObjects(objects) {
  const [first] = objects;
  if (objects.length === 1 && first) return `the ${first.id.kind} ${first.id.name}`;
  const kinds = new Set(objects.map((object) => object.id.kind));
  if (kinds.size === 1 && kinds.has("CustomResourceDefinition")) return `the ${objects.length} CRDs`;
  if (kinds.size === 1) return `the ${objects.length} ${first?.id.kind ?? ""} objects`;
  return `the ${objects.length} cluster-scoped objects`;
}

// src/app/fixes/merge-fixes.ts
import { readFileSync as readFileSync13 } from "node:fs";
import { join as join17 } from "node:path";

// src/app/fixes/read-manifest-keys.ts
import { readFileSync as readFileSync12 } from "node:fs";
import { join as join16 } from "node:path";

// src/core/fix/fix-plan.ts
var import_yaml11 = __toESM(require_dist(), 1);
var RAW_HOST = "raw.githubusercontent.com";
var WEB_HOST = "github.com";
var YAML_EXTENSION = /\.ya?ml$/i;
var MANIFEST_EXTENSION = /\.(ya?ml|json)$/i;
var KUSTOMIZATION_FILE = /^kustomization\.ya?ml$/i;
var EXACT_SET_SIZE = 3;
function parseGitHubFileUrl(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return void 0;
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return void 0;
  const segments = decodeSegments(parsed.pathname);
  if (segments === void 0 || segments.some((segment) => segment === "")) return void 0;
  let rest;
  if (parsed.hostname === RAW_HOST) rest = segments;
  else if (parsed.hostname === WEB_HOST && segments[2] === "raw") rest = [segments[0] ?? "", segments[1] ?? "", ...segments.slice(3)];
  else return void 0;
  const [owner, repo, ...tail] = rest;
  const refLength = tail[0] === "refs" && (tail[1] === "heads" || tail[1] === "tags") ? 3 : 1;
  if (owner === void 0 || repo === void 0 || tail.length <= refLength) return void 0;
  return { owner, repo, ref: tail.slice(0, refLength).join("/"), path: tail.slice(refLength).join("/") };
}
function replaceFileName(url, name) {
  const cut = url.search(/[?#]/);
  const head = cut < 0 ? url : url.slice(0, cut);
  const tail = cut < 0 ? "" : url.slice(cut);
  return `${head.slice(0, head.lastIndexOf("/") + 1)}${name}${tail}`;
}
function listConventionalSiblings(fileName) {
  const name = lastSegment(fileName);
  const extension = YAML_EXTENSION.exec(name)?.[0] ?? ".yaml";
  const base = stripExtension(name);
  const names = ["operator-crds.yaml", "crds.yaml", `${base}-crds${extension}`, `${base}.crds${extension}`, "crds/kustomization.yaml"];
  return [...new Set(names)].filter((candidate) => candidate !== name && !candidate.startsWith("-") && !candidate.startsWith("."));
}
function rankCandidateFiles(names, exclude, caps) {
  const eligible = [...new Set(names)].filter((name) => MANIFEST_EXTENSION.test(name) && name !== exclude && !KUSTOMIZATION_FILE.test(lastSegment(name))).sort();
  const crds = eligible.filter((name) => /crd/i.test(name));
  const others = eligible.filter((name) => !/crd/i.test(name));
  return [...crds.slice(0, Math.max(0, caps.crds)), ...others.slice(0, Math.max(0, caps.others))];
}
function chooseCoveringSet(required, candidates) {
  const wanted = [...new Set(required)];
  if (wanted.length === 0) return [];
  const useful = candidates.map((candidate, rank) => ({ candidate, rank, covers: wanted.filter((key) => candidate.keys.has(key)) })).filter((entry) => entry.covers.length > 0);
  const coverable = new Set(useful.flatMap((entry) => entry.covers));
  if (coverable.size < wanted.length) return void 0;
  for (let size = 1; size <= Math.min(EXACT_SET_SIZE, useful.length); size++) {
    for (const combination of listCombinations(useful.length, size)) {
      const chosen = combination.map((index) => useful[index]);
      if (chosen.reduce((sum, entry) => sum + entry.covers.length, 0) < wanted.length) continue;
      if (new Set(chosen.flatMap((entry) => entry.covers)).size === wanted.length) return chosen.map((entry) => entry.candidate);
    }
  }
  const missing = new Set(wanted);
  const picked = /* @__PURE__ */ new Set();
  while (missing.size > 0) {
    let best;
    for (const [index, entry] of useful.entries()) {
      if (picked.has(index)) continue;
      const gain = entry.covers.filter((key) => missing.has(key)).length;
      if (gain > (best?.gain ?? 0)) best = { index, gain };
    }
    if (best === void 0) return void 0;
    picked.add(best.index);
    for (const key of useful[best.index].covers) missing.delete(key);
  }
  return [...picked].sort((a, b) => a - b).map((index) => useful[index].candidate);
}
function matchesIgnoringRef(a, b) {
  return isSamePlace(a, b, true);
}
function isSameDirectoryAnyRef(next, previous) {
  return isSamePlace(next, previous, false);
}
function isSamePlace(a, b, sameName) {
  const directory = (path2) => path2.slice(0, path2.lastIndexOf("/") + 1);
  const githubA = parseGitHubFileUrl(a);
  const githubB = parseGitHubFileUrl(b);
  if (githubA && githubB) {
    return githubA.owner.toLowerCase() === githubB.owner.toLowerCase() && githubA.repo.toLowerCase() === githubB.repo.toLowerCase() && (sameName ? githubA.path === githubB.path : directory(githubA.path) === directory(githubB.path));
  }
  let urlA;
  let urlB;
  try {
    urlA = new URL(a);
    urlB = new URL(b);
  } catch {
    return false;
  }
  if (urlA.protocol !== urlB.protocol || urlA.host !== urlB.host) return false;
  const segmentsA = urlA.pathname.split("/");
  const segmentsB = urlB.pathname.split("/");
  if (segmentsA.length !== segmentsB.length) return false;
  if (sameName && (segmentsA.at(-1) !== segmentsB.at(-1) || segmentsA.at(-1) === "")) return false;
  const differing = segmentsA.slice(0, -1).flatMap((segment, index) => segment === segmentsB[index] ? [] : [[segment, segmentsB[index] ?? ""]]);
  if (differing.length > 1) return false;
  return sameName || differing.every((pair2) => pair2.every((segment) => /\d/.test(segment)));
}
function learnNameAffixes(rendered, source) {
  const sourcesByKind = groupKeysByKind(source);
  const affixes = /* @__PURE__ */ new Map();
  for (const [kind, objects] of groupKeysByKind(rendered)) {
    const sources = sourcesByKind.get(kind) ?? [];
    let common;
    for (const object of objects) {
      const fits = sources.filter((candidate) => candidate.namespace === object.namespace && candidate.name !== "" && object.name.includes(candidate.name)).flatMap((candidate) => {
        const pairs = [];
        for (let at = object.name.indexOf(candidate.name); at >= 0; at = object.name.indexOf(candidate.name, at + 1)) {
          pairs.push({ prefix: object.name.slice(0, at), suffix: object.name.slice(at + candidate.name.length) });
        }
        return pairs;
      });
      common = common === void 0 ? fits : common.filter((pair2) => fits.some((fit) => fit.prefix === pair2.prefix && fit.suffix === pair2.suffix));
    }
    const best = (common ?? []).sort((a, b) => a.prefix.length + a.suffix.length - (b.prefix.length + b.suffix.length))[0];
    if (best) affixes.set(kind, best);
  }
  return affixes;
}
function groupKeysByKind(keys) {
  const byKind = /* @__PURE__ */ new Map();
  for (const key of keys) {
    const parts = key.split("/");
    const name = parts.pop() ?? "";
    const namespace = parts.pop() ?? "";
    const kind = parts.join("/");
    byKind.set(kind, [...byKind.get(kind) ?? [], { namespace, name }]);
  }
  return byKind;
}
function applyNameAffix(key, affixes) {
  const cut = key.lastIndexOf("/");
  const kind = key.slice(0, key.lastIndexOf("/", cut - 1));
  const affix = affixes.get(kind);
  return affix ? `${key.slice(0, cut + 1)}${affix.prefix}${key.slice(cut + 1)}${affix.suffix}` : key;
}
function chooseVendorFileName(input) {
  const base = input.source === void 0 ? "" : stripExtension(lastSegment(sourcePath(input.source)));
  const suffix = input.allCrds ? "crds" : "cluster-resources";
  const named = base !== "" && (base === suffix || base.endsWith(`-${suffix}`) || base.endsWith(`.${suffix}`));
  const stem = base === "" || named ? named ? base : suffix : `${base}-${suffix}`;
  let name = `${stem}.yaml`;
  for (let n = 2; input.taken.has(name); n++) name = `${stem}-${n}.yaml`;
  return name;
}
function formatVendoredManifests(bodies, header) {
  const comments = header.flatMap((line) => line.split("\n")).map((line) => line === "" ? "#\n" : `# ${line}
`);
  const documents = bodies.map((body) => `---
${(0, import_yaml11.stringify)(body, { lineWidth: 0, version: "1.1", aliasDuplicateObjects: false })}`);
  return [...comments, ...documents].join("");
}
function* listCombinations(count, size) {
  const indexes = Array.from({ length: size }, (_, i) => i);
  while (true) {
    yield [...indexes];
    let position = size - 1;
    while (position >= 0 && indexes[position] === count - size + position) position--;
    if (position < 0) return;
    indexes[position] = (indexes[position] ?? 0) + 1;
    for (let next = position + 1; next < size; next++) indexes[next] = (indexes[next - 1] ?? 0) + 1;
  }
}
function decodeSegments(pathname) {
  try {
    return pathname.replace(/^\//, "").split("/").map(decodeURIComponent);
  } catch {
    return void 0;
  }
}
function sourcePath(source) {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(source)) return source;
  try {
    return decodeURIComponent(new URL(source).pathname);
  } catch {
    return source.replace(/[?#].*$/, "");
  }
}
function lastSegment(path2) {
  return path2.slice(path2.lastIndexOf("/") + 1);
}
function stripExtension(name) {
  return name.replace(YAML_EXTENSION, "").replace(/\.json$/i, "");
}

// src/app/fixes/read-manifest-keys.ts
function readKeys(text, source, scope, affixes) {
  const objects = readManifestObjects(text, source, scope);
  return objects && new Set([...objects.keys()].map((key) => applyNameAffix(key, affixes)));
}
function readManifestObjects(text, source, scope) {
  try {
    const docs = parseManifests(text, source).map((body) => ({ body }));
    const local = extendScope(scope, docs);
    return new Map(docs.map((doc) => [identifyObject(doc, local).key, doc.body]));
  } catch {
    return void 0;
  }
}
function holdsAll(text, source, required, scope, affixes) {
  const keys = text === void 0 ? void 0 : readKeys(text, source, scope, affixes);
  return keys !== void 0 && required.every((key) => keys.has(key));
}
function extendScope(scope, docs) {
  const own = createScopeResolver(collectCrdScopes(docs));
  return { getScope: (groupKind) => scope.getScope(groupKind) === "unknown" ? own.getScope(groupKind) : scope.getScope(groupKind) };
}
async function readBeforeSource(group, planning) {
  let text;
  try {
    const file = join16(planning.beforeRoot, group.source);
    if (group.sourceIsFile && !isInside(createConfinement(planning.beforeRoot), file)) return void 0;
    text = group.sourceIsFile ? readFileSync12(file, "utf8") : await planning.remote.fetcher.fetchText(group.source);
  } catch {
    return void 0;
  }
  return readManifestObjects(text, group.source, planning.scope);
}

// src/app/fixes/verify-fix.ts
async function verify(groups, change, planning) {
  const required = /* @__PURE__ */ new Map();
  for (const group of groups) {
    for (const [name, member] of group.members) {
      const keys = required.get(name) ?? /* @__PURE__ */ new Set();
      for (const object of member.objects) keys.add(object.key);
      required.set(name, keys);
    }
  }
  const affected = listAffectedUnits(change, planning);
  if (affected.length === 0) return { status: "unverified" };
  const renders = /* @__PURE__ */ new Map();
  for (const [name, unit] of affected) {
    let docs;
    try {
      docs = await renderRoot(planning.runner, {
        treeRoot: planning.head.root,
        graph: unit.headGraph,
        show: planning.head.show,
        provenance: false,
        remote: planning.remote,
        edits: change
      });
    } catch (error) {
      if (error instanceof FetchError && !isMissingFile(error)) return { status: "unreachable", problem: redactCredentials(error.message) };
      if (error instanceof PruneGuardError) return { status: "failed" };
      throw error;
    }
    const set = dropIgnoredObjects(buildObjectSet(docs, extendScope(planning.scope, docs)), planning.config);
    const keeps = [...unit.diff.after.keys()].every((key) => set.has(key));
    const restores = [...required.get(name) ?? []].every((key) => set.has(key));
    if (!keeps || !restores) return { status: "failed" };
    renders.set(name, set);
  }
  return { status: "verified", renders };
}
function listAffectedUnits(change, planning) {
  return [...planning.units].filter(([, unit]) => unit.headGraph?.kustomizations.some((k) => change.overrides.has(k.file)));
}

// src/app/fixes/merge-fixes.ts
var NAMED_EXTRAS = 3;
async function mergeFileFixes(path2, fixes, planning) {
  const headFile = join17(planning.head.root, path2);
  const original = readFileSync13(headFile, "utf8");
  const combine2 = (included2) => {
    let text = original;
    for (const fix of included2) {
      const listed = new Set(listResourceEntries(text).map((entry) => entry.value));
      const entries = fix.candidate.entries.filter((entry) => !listed.has(entry));
      if (entries.length === 0) continue;
      const edit = planResourceInsertion(path2, text, { entries, ...fix.anchor ? { before: fix.anchor } : {}, description: fix.candidate.description });
      if (!edit) return void 0;
      text = edit.text;
    }
    const files = included2.flatMap((fix) => fix.candidate.files);
    return new Set(files.map((file) => file.path)).size < files.length ? void 0 : { text, files };
  };
  const toFileFix = (included2, combined, verification) => ({
    path: path2,
    groups: included2.map((fix) => fix.group),
    candidates: included2.map((fix) => fix.candidate),
    text: combined.text,
    change: createTreeChange([[headFile, combined.text]], combined.files, planning),
    // Verified only when every part was: a part proposed unverified stays so.
    verification: verification.status === "verified" && included2.every((fix) => fix.verification.status === "verified") ? verification : { status: "unverified" }
  });
  const check = async (included2) => {
    const combined = combine2(included2);
    if (!combined) return void 0;
    const verification = included2.length === 1 ? included2[0].verification : await verify(included2.map((fix) => fix.group), createTreeChange([[headFile, combined.text]], combined.files, planning), planning);
    return verification.status === "failed" || verification.status === "unreachable" ? void 0 : toFileFix(included2, combined, verification);
  };
  const all = fixes.length > 1 ? await check(fixes) : void 0;
  if (all) return { fix: all, leftOut: [] };
  let kept = await check([fixes[0]]);
  let included = [fixes[0]];
  const leftOut = [];
  for (const fix of fixes.slice(1)) {
    const next = await check([...included, fix]);
    if (next) {
      kept = next;
      included = [...included, fix];
    } else {
      leftOut.push(fix);
    }
  }
  return { fix: kept, leftOut };
}
async function checkTogether(fileFixes, planning) {
  const providers = { objects: /* @__PURE__ */ new Map(), crdKinds: /* @__PURE__ */ new Map(), extras: /* @__PURE__ */ new Map() };
  const current = /* @__PURE__ */ new Map();
  const kept = [];
  const claimed = /* @__PURE__ */ new Map();
  for (const fix of fileFixes) {
    const names = listAffectedUnits(fix.change, planning).map(([name]) => name);
    const earlier = [...new Set(names.flatMap((name) => claimed.get(name) ?? []))];
    let verification = fix.verification;
    if (earlier.length > 0 && verification.status !== "unverified") {
      const together = [...earlier, fix];
      verification = await verify(
        together.flatMap((part) => part.groups),
        {
          overrides: new Map(together.flatMap((part) => [...part.change.overrides])),
          additions: new Map(together.flatMap((part) => [...part.change.additions]))
        },
        planning
      );
      if (verification.status !== "verified") continue;
    }
    kept.push(fix);
    for (const name of names) claimed.set(name, [...claimed.get(name) ?? [], fix]);
    recordProviders(fix, verification, current, planning, providers);
  }
  return { kept, providers };
}
function recordProviders(fix, verification, current, planning, providers) {
  const restores = new Set(fix.groups.flatMap((group) => [...group.objects.keys()]));
  const addCrd = (object) => {
    const crd = readCrdNames(object.body);
    if (crd && !providers.crdKinds.has(`${crd.group}/${crd.kind}`)) providers.crdKinds.set(`${crd.group}/${crd.kind}`, fix);
  };
  for (const group of fix.groups) for (const object of group.objects.values()) addCrd(object);
  if (verification.status !== "verified") return;
  const extras = /* @__PURE__ */ new Map();
  for (const [name, objects] of verification.renders) {
    const before = current.get(name) ?? planning.units.get(name)?.diff.after ?? /* @__PURE__ */ new Map();
    for (const [key, object] of objects) {
      if (before.has(key)) continue;
      if (!providers.objects.has(`${name}\0${key}`)) providers.objects.set(`${name}\0${key}`, fix);
      addCrd(object);
      if (!restores.has(key)) extras.set(key, object);
    }
    current.set(name, objects);
  }
  providers.extras.set(fix, [...extras.values()].sort((a, b) => compareText(a.key, b.key)));
}
function toFix(fileFix, providers, planning) {
  const { candidates, path: path2 } = fileFix;
  const original = readFileSync13(join17(planning.head.root, path2), "utf8");
  const extras = providers.extras.get(fileFix) ?? [];
  const named = extras.slice(0, NAMED_EXTRAS).map((object) => formatObjectRef(object.id));
  const more = extras.length - named.length;
  const adds = extras.length === 0 ? "" : ` It also adds ${extras.length === 1 ? "an object" : `${extras.length} objects`} new to the render: ${named.join(", ")}${more > 0 ? `, and ${more} more` : ""}.`;
  const description = `${candidates.map((candidate) => candidate.description).join(" ")}${adds}`;
  const sources = new Set(candidates.map((candidate) => candidate.source));
  return {
    // The weakest source says what a reviewer must look at most closely.
    source: sources.has(FixSources.vendored) ? FixSources.vendored : sources.has(FixSources.local) ? FixSources.local : FixSources.remote,
    description,
    entries: [...new Set(candidates.flatMap((candidate) => candidate.entries))],
    edits: [describeLineChange(path2, original, fileFix.text, description)],
    files: candidates.flatMap((candidate) => candidate.files),
    restores: [...new Set(fileFix.groups.flatMap((group) => [...group.objects.keys()]))].sort(),
    verified: fileFix.verification.status === "verified"
  };
}

// src/app/fixes/plan-group-fix.ts
import { existsSync as existsSync11, readFileSync as readFileSync14 } from "node:fs";
import { join as join19 } from "node:path";

// src/app/fixes/find-local-candidates.ts
import { existsSync as existsSync10, readdirSync as readdirSync11 } from "node:fs";
import { dirname as dirname7, join as join18, relative as relative12 } from "node:path";
async function* findLocalCandidates(search, movedTo) {
  const { group, required, what, planning, affixes } = search;
  const { root } = planning.head;
  const kustomizationDir = dirname7(join18(root, group.kustomization));
  const them = required.length === 1 ? "it" : "them";
  const directories = [...planning.units].filter(([name, unit]) => unit.exists && unit.headGraph && !group.members.has(name) && unit.headGraph.root.startsWith(`${kustomizationDir}/`)).flatMap(([, unit]) => {
    const keys = new Set(required.filter((key) => unit.diff.after.has(key)));
    return keys.size > 0 ? [{ name: toPosix(relative12(kustomizationDir, unit.headGraph.root)), keys }] : [];
  }).sort((a, b) => compareText(a.name, b.name));
  const inDirectories = chooseCoveringSet(required, directories);
  if (inDirectories && inDirectories.length > 0) {
    const listed2 = inDirectories.map((candidate) => candidate.name).join(" and ");
    yield {
      source: FixSources.local,
      entries: inDirectories.map((candidate) => candidate.name),
      files: [],
      description: `Keep ${what}: list ${listed2}, the ${inDirectories.length === 1 ? "directory that renders" : "directories that render"} ${them} now but no kustomization includes.`
    };
  }
  if (movedTo.length > 0) return;
  const index = planning.readIndex();
  const names = [...group.objects.values()].map((object) => object.id.name);
  const written = (name) => [...affixes.values()].map((affix) => name.slice(affix.prefix.length, name.length - affix.suffix.length));
  const near = (path2) => join18(root, path2).startsWith(`${kustomizationDir}/`) ? 0 : 1;
  const files = [...index.unlisted].sort((a, b) => near(a) - near(b) || compareText(a, b)).flatMap((path2) => {
    const text = index.readText(path2);
    if (text === void 0 || !names.some((name) => text.includes(name) || written(name).some((short) => short !== "" && text.includes(short)))) return [];
    const keys = readKeys(text, path2, planning.scope, affixes);
    return keys ? [{ name: toPosix(relative12(kustomizationDir, join18(root, path2))), keys }] : [];
  });
  const chosen = chooseCoveringSet(required, files);
  if (!chosen || chosen.length === 0) return;
  const listed = chosen.map((candidate) => candidate.name).join(" and ");
  yield {
    source: FixSources.local,
    entries: chosen.map((candidate) => candidate.name),
    files: [],
    description: `Keep ${what}: list ${listed}, which ${chosen.length === 1 ? "holds" : "hold"} ${them} but no kustomization lists.`
  };
}
function vendorObjects(search, source) {
  const { group, what, planning, affixes } = search;
  if (!source || [...group.objects.values()].some((object) => isSecret(object.id))) return void 0;
  const bodies = new Map([...source].map(([key, body]) => [applyNameAffix(key, affixes), body]));
  const keys = [...group.objects.keys()].sort(compareText);
  if (!keys.every((key) => bodies.has(key))) return void 0;
  const headDir = dirname7(join18(planning.head.root, group.kustomization));
  const taken = new Set(existsSync10(headDir) ? readdirSync11(headDir) : []);
  const name = chooseVendorFileName({
    source: group.source,
    allCrds: [...group.objects.values()].every((object) => object.id.kind === "CustomResourceDefinition"),
    taken
  });
  const content = formatVendoredManifests(
    keys.map((key) => bodies.get(key)),
    [`Vendored by prune-guard: ${redactCredentials(group.source)} no longer provides these objects,`, `so they are kept as that source had them at ${planning.beforeLabel}.`]
  );
  const them = keys.length === 1 ? "it" : "them";
  return {
    source: FixSources.vendored,
    entries: [name],
    files: [{ path: toPosix(relative12(planning.head.root, join18(headDir, name))), content }],
    description: `Keep ${what}: nothing in the tree or upstream provides ${them} any more, so write ${them} as ${keys.length === 1 ? "it was" : "they were"} before the change into ${name} and list it.`
  };
}

// src/app/fixes/find-remote-candidates.ts
import { posix as posix4 } from "node:path";
var REMOTE_CANDIDATE_CAPS = { crds: 64, others: 12 };
var CANDIDATE_SIZE_LIMIT = 32 * 1024 * 1024;
async function* findRemoteCandidates(search, previous, beforePrevious, notes, lookup2) {
  const { group, required, what, planning } = search;
  const url = previous && isRemoteFileUrl(previous.value) ? previous.value : isRemoteFileUrl(group.source) ? group.source : void 0;
  if (!url) return;
  const fileName = posix4.basename(new URL(url).pathname);
  const oldName = isRemoteFileUrl(group.source) ? posix4.basename(new URL(group.source).pathname) : fileName;
  const names = await listRemoteNames(url, fileName, planning, notes, lookup2);
  const toCandidate = (chosen) => ({
    source: FixSources.remote,
    entries: chosen.flatMap((candidate) => candidate.urls),
    files: [],
    description: `Keep ${what} that ${oldName} no longer carries: list ${chosen.map((candidate) => candidate.name).join(" and ")} from the same place${beforePrevious ? `, before ${fileName}` : ""}.`
  });
  const read = [];
  const rejected = /* @__PURE__ */ new Set();
  const offer = function* (chosen) {
    const failed = yield toCandidate(chosen);
    if (failed) for (const candidate of chosen) rejected.add(candidate.name);
    return failed === true;
  };
  for (const name of names) {
    const result = await readRemoteCandidate(url, name, search);
    if (result.problem) {
      lookup2.failed = true;
      notes.push(result.problem);
      break;
    }
    if (!result.found) continue;
    read.push(result.found);
    const { keys } = result.found;
    if (required.every((key) => keys.has(key)) && !(yield* offer([result.found]))) return;
  }
  while (true) {
    const chosen = chooseCoveringSet(required, read.filter((candidate) => !rejected.has(candidate.name)));
    if (!chosen || chosen.length === 0) return;
    if (!(yield* offer(chosen))) return;
  }
}
async function listRemoteNames(url, fileName, planning, notes, lookup2) {
  const probes = listConventionalSiblings(fileName);
  const github = parseGitHubFileUrl(url);
  const { contents } = planning;
  if (!github || !contents) return probes;
  const directory = posix4.dirname(github.path) === "." ? "" : posix4.dirname(github.path);
  try {
    const list = (path2) => contents.listDirectory(github.owner, github.repo, github.ref, path2);
    const listing = await list(directory);
    const isFile = (entry) => entry.type === "file" && entry.size <= CANDIDATE_SIZE_LIMIT;
    const files = listing.filter(isFile).map((entry) => entry.name);
    for (const sub of listing.filter((entry) => entry.type === "dir" && /crd/i.test(entry.name))) {
      files.push(...(await list(posix4.join(directory, sub.name))).filter(isFile).map((entry) => `${sub.name}/${entry.name}`));
    }
    return files.length > 0 ? rankCandidateFiles(files, fileName, REMOTE_CANDIDATE_CAPS) : probes;
  } catch (error) {
    lookup2.failed = true;
    notes.push(`could not list ${github.owner}/${github.repo}/${directory} at ${github.ref}: ${describeGitHubError(error)}`);
    return probes;
  }
}
async function readRemoteCandidate(url, name, search) {
  const { planning, affixes } = search;
  const fetchText = async (target) => {
    try {
      return { text: await planning.remote.fetcher.fetchText(target) };
    } catch (error) {
      return isMissingFile(error) ? {} : { problem: redactCredentials(getErrorMessage(error)) };
    }
  };
  const sibling = replaceFileName(url, name);
  const fetched = await fetchText(sibling);
  if (fetched.text === void 0) return fetched.problem ? { problem: fetched.problem } : {};
  if (!KUSTOMIZATION_FILE_NAMES.includes(posix4.basename(name))) {
    const keys2 = readKeys(fetched.text, sibling, planning.scope, affixes);
    return keys2 ? { found: { name, urls: [sibling], keys: keys2 } } : {};
  }
  const files = listResourceEntries(fetched.text).map((entry) => entry.value).filter((value) => !isRemoteReference(value) && /\.(ya?ml|json)$/i.test(value));
  if (files.length === 0) return {};
  const urls = files.map((file) => replaceFileName(url, posix4.join(posix4.dirname(name), file)));
  const keys = /* @__PURE__ */ new Set();
  for (const target of urls) {
    const part = await fetchText(target);
    const found = part.text === void 0 ? void 0 : readKeys(part.text, target, planning.scope, affixes);
    if (!found) return part.problem ? { problem: part.problem } : {};
    for (const key of found) keys.add(key);
  }
  return { found: { name, urls, keys } };
}
function describeGitHubError(error) {
  const { status, response } = error;
  if (status && response) {
    const data = response.data;
    return typeof data?.message === "string" && data.message !== "" ? `HTTP ${status} (${data.message.split("\n")[0]})` : `HTTP ${status}`;
  }
  return describeNetworkError(error);
}

// src/app/fixes/plan-group-fix.ts
async function planGroupFix(group, planning) {
  const none = { notes: [] };
  const headFile = join19(planning.head.root, group.kustomization);
  if (!existsSync11(headFile) || !isInside(createConfinement(planning.head.root), headFile)) return none;
  if ([...group.members.values()].some((member) => member.unit.headGraph && !member.unit.headGraph.kustomizations.some((k) => k.file === headFile))) return none;
  const headText = readFileSync14(headFile, "utf8");
  const beforeFile = join19(planning.beforeRoot, group.kustomization);
  const beforeEntries = existsSync11(beforeFile) && isInside(createConfinement(planning.beforeRoot), beforeFile) ? listResourceEntries(readFileSync14(beforeFile, "utf8")) : [];
  const beforeEntry = beforeEntries.find((entry) => entry.line === group.line)?.value;
  const headEntries = listResourceEntries(headText);
  const previous = findPreviousEntry(headEntries, beforeEntry, beforeEntries);
  const required = [...group.objects.keys()].sort();
  const source = await readBeforeSource(group, planning);
  const affixes = learnNameAffixes(required, source ? [...source.keys()] : []);
  if (beforeEntry !== void 0 && previous?.value === beforeEntry && group.sourceIsFile && holdsAll(planning.readIndex().readText(group.source), group.source, required, planning.scope, affixes)) {
    return none;
  }
  const listed = headEntries.filter((entry) => entry.list === "resources");
  const anchor = (previous?.list === "resources" ? previous : void 0) ?? findDependentEntry(group, listed) ?? listed[0];
  const what = describeObjects([...group.objects.values()]);
  const notes = [];
  const movedTo = [...planning.units].filter(([name, unit]) => unit.exists && !group.members.has(name) && required.some((key) => unit.diff.after.has(key) && !unit.diff.before.has(key))).map(([name]) => name);
  const lookup2 = { failed: false };
  const search = { group, required, what, affixes, planning };
  const candidates = async function* () {
    if (movedTo.length === 0) yield* findRemoteCandidates(search, previous, previous !== void 0 && previous === anchor, notes, lookup2);
    yield* findLocalCandidates(search, movedTo);
    if (movedTo.length === 0 && !lookup2.failed) {
      const vendored = vendorObjects(search, source);
      if (vendored) yield vendored;
    }
  };
  const attempts = candidates();
  let tried = 0;
  try {
    let rejected;
    while (true) {
      const next = await attempts.next(rejected);
      if (next.done) break;
      const candidate = next.value;
      const edit = planResourceInsertion(group.kustomization, headText, {
        entries: candidate.entries,
        ...anchor ? { before: anchor.value } : {},
        description: candidate.description
      });
      if (!edit) return { notes: [...notes, `its resources: is not a block list prune-guard can add to without rewriting ${group.kustomization}`] };
      const verification = await verify([group], createTreeChange([[headFile, edit.text]], candidate.files, planning), planning);
      if (verification.status === "unreachable") return { notes: [...notes, `checking a fix, ${verification.problem}`] };
      rejected = verification.status === "failed";
      tried++;
      if (rejected) continue;
      const described = notes.length > 0 && candidate.source !== FixSources.remote ? { ...candidate, description: `${candidate.description} (${notes.join("; ")})` } : candidate;
      return { fix: { group, candidate: described, ...anchor ? { anchor: anchor.value } : {}, verification }, notes };
    }
  } finally {
    await attempts.return(void 0);
  }
  if (movedTo.length > 0) notes.push(`${required.length === 1 ? "it is" : "they are"} rendered by ${movedTo.join(", ")} now, a move rather than a loss`);
  if (tried > 0) notes.push(`with ${tried === 1 ? "the one fix" : `each of the ${tried} fixes`} tried, a build failed or lost an object`);
  if ([...group.objects.values()].some((object) => isSecret(object.id))) notes.push("a Secret is never written into a file");
  return { notes };
}
function findPreviousEntry(entries, beforeEntry, beforeEntries) {
  if (beforeEntry === void 0) return void 0;
  const exact = entries.find((entry) => entry.value === beforeEntry);
  if (exact || !isRemoteFileUrl(beforeEntry)) return exact;
  const remote2 = entries.filter((entry) => isRemoteFileUrl(entry.value));
  const sameFile = remote2.find((entry) => matchesIgnoringRef(entry.value, beforeEntry));
  if (sameFile) return sameFile;
  const before = new Set(beforeEntries.map((entry) => entry.value));
  return remote2.find((entry) => !before.has(entry.value) && isSameDirectoryAnyRef(entry.value, beforeEntry));
}
function findDependentEntry(group, entries) {
  const kinds = new Set(
    [...group.objects.values()].flatMap((object) => {
      const crd = readCrdNames(object.body);
      return crd ? [`${crd.group}/${crd.kind}`] : [];
    })
  );
  if (kinds.size === 0) return void 0;
  const lines = [...group.members.values()].flatMap((member) => [...member.unit.diff.after.values()]).filter((object) => kinds.has(`${object.id.group}/${object.id.kind}`) && object.provenance?.kustomization === group.kustomization).map((object) => object.provenance?.line ?? Number.POSITIVE_INFINITY);
  const first = Math.min(...lines);
  return entries.find((entry) => entry.line === first);
}

// src/app/fixes/plan-fixes.ts
async function planFixes(findings, units, context) {
  const groups = collectGroups(findings, units);
  if (groups.length === 0) return { fixes: [], targets: /* @__PURE__ */ new Map(), notes: [] };
  let index;
  const planning = { ...context, units, readIndex: () => index ??= indexTree(context.head.root, context.head.show, context.head.files) };
  const planned = await mapInPool(groups, context.concurrency, (group) => planGroupFix(group, planning));
  const notes = planned.flatMap((result, position) => result.fix || result.notes.length === 0 ? [] : [describeUnfixed(groups[position], result.notes)]);
  const byFile = /* @__PURE__ */ new Map();
  for (const { fix } of planned) if (fix) byFile.set(fix.group.kustomization, [...byFile.get(fix.group.kustomization) ?? [], fix]);
  const files = [...byFile.keys()].sort();
  const merged = await mapInPool(files, context.concurrency, (file) => mergeFileFixes(file, byFile.get(file) ?? [], planning));
  const fileFixes = merged.map(({ fix }) => fix);
  const { kept, providers } = await checkTogether(fileFixes, planning);
  const fixes = kept.map((fileFix) => toFix(fileFix, providers, planning));
  const targets = /* @__PURE__ */ new Map();
  for (const [position, fileFix] of kept.entries()) {
    for (const group of fileFix.groups) {
      for (const [unitName, member] of group.members) for (const object of member.objects) targets.set(`${unitName}\0${object.key}`, position);
    }
  }
  const leftOut = [...merged.flatMap(({ leftOut: groups2 }) => groups2.map((fix) => fix.group)), ...fileFixes.filter((fix) => !kept.includes(fix)).flatMap((fix) => fix.groups)];
  for (const group of leftOut) {
    let covered = true;
    for (const [unitName, member] of group.members) {
      for (const object of member.objects) {
        const provider = providers.objects.get(`${unitName}\0${object.key}`);
        if (provider) targets.set(`${unitName}\0${object.key}`, kept.indexOf(provider));
        else covered = false;
      }
    }
    if (!covered) notes.push(describeUnfixed(group, ["its fix cannot be applied together with the fixes of the same build"]));
  }
  for (const finding of findings) {
    if (finding.rule !== Rules.crdMissing) continue;
    const provider = providers.crdKinds.get(`${finding.object.group}/${finding.object.kind}`);
    const key = `${finding.unit}\0${formatObjectKey(finding.object)}`;
    if (provider && !targets.has(key)) targets.set(key, kept.indexOf(provider));
  }
  return { fixes, targets, notes };
}
function collectGroups(findings, units) {
  const groups = /* @__PURE__ */ new Map();
  for (const finding of findings) {
    if (!REMOVAL_RULE_IDS.has(finding.rule) || finding.rule === Rules.apiGroupChanged) continue;
    const unit = units.get(finding.unit);
    if (!unit?.exists) continue;
    const object = unit.diff.diff.removed.find((removed) => removed.key === formatObjectKey(finding.object));
    const provenance = object?.provenance;
    const source = provenance?.url ?? provenance?.file;
    if (!object || object.scope !== "cluster" || !provenance?.kustomization || !provenance.line || !source || provenance.generator) continue;
    const key = [provenance.kustomization, provenance.line, source].join("\0");
    const group = groups.get(key) ?? {
      kustomization: provenance.kustomization,
      line: provenance.line,
      source,
      sourceIsFile: provenance.url === void 0,
      members: /* @__PURE__ */ new Map(),
      objects: /* @__PURE__ */ new Map()
    };
    const member = group.members.get(finding.unit) ?? { unit, objects: [] };
    if (!member.objects.includes(object)) member.objects.push(object);
    group.members.set(finding.unit, member);
    if (!group.objects.has(object.key)) group.objects.set(object.key, object);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => compareText(a.kustomization, b.kustomization) || a.line - b.line || compareText(a.source, b.source));
}
function describeUnfixed(group, notes) {
  return `no fix for ${describeObjects([...group.objects.values()])} listed at ${group.kustomization}:${group.line}: ${notes.join("; ")}`;
}

// src/app/plan-run.ts
import { availableParallelism, homedir } from "node:os";
import { join as join23, resolve as resolve7 } from "node:path";

// src/render/kustomize/kustomize-runner.ts
import { execFile } from "node:child_process";
import { accessSync, constants, mkdtempSync as mkdtempSync4, realpathSync as realpathSync4, rmSync as rmSync7, statSync as statSync10 } from "node:fs";
import { tmpdir as tmpdir4 } from "node:os";
import { basename as basename3, delimiter, isAbsolute as isAbsolute2, join as join20, resolve as resolve4 } from "node:path";

// src/render/child-env.ts
var COMMON_NAMES = [
  "PATH",
  "TMPDIR",
  // Locale, so that messages and file names are read as the user's shell reads them.
  "LANG",
  "LANGUAGE",
  // Proxies: remote bases and fetches must go through the same network the user has.
  "HTTP_PROXY",
  "HTTPS_PROXY",
  "NO_PROXY",
  "ALL_PROXY",
  "http_proxy",
  "https_proxy",
  "no_proxy",
  "all_proxy",
  // Certificate authorities of a TLS-inspecting proxy (Go and OpenSSL read these).
  "SSL_CERT_FILE",
  "SSL_CERT_DIR"
];
var WINDOWS_NAMES = ["SYSTEMROOT", "WINDIR", "COMSPEC", "PATHEXT"];
var LOCALE_PATTERN = /^LC_[A-Z_]+$/;
var GIT_NAMES = ["HOME", "XDG_CONFIG_HOME", "SSH_AUTH_SOCK", "DBUS_SESSION_BUS_ADDRESS", "XDG_RUNTIME_DIR", "USERPROFILE", "HOMEDRIVE", "HOMEPATH"];
var PASS_ENV_VARIABLE = "PRUNE_GUARD_PASS_ENV";
function createKustomizeEnv(env, options, platform = process.platform) {
  const child = pickCommon(env, platform);
  child.HOME = options.home;
  child.GIT_CONFIG_NOSYSTEM = "1";
  child.GIT_TERMINAL_PROMPT = "0";
  Object.assign(child, formatGitConfigEnv(GIT_CLONE_SETTINGS));
  if (options.goMemLimit !== void 0) child.GOMEMLIMIT = String(options.goMemLimit);
  for (const name of readPassEnv(env)) {
    const value = lookUp(env, name, platform);
    if (value !== void 0) child[name] = value;
  }
  return child;
}
var GIT_CLONE_SETTINGS = [
  ["http.followRedirects", "false"],
  ["protocol.allow", "user"],
  ["protocol.file.allow", "never"],
  ["protocol.ext.allow", "never"]
];
function formatGitConfigEnv(settings) {
  const entries = { GIT_CONFIG_COUNT: String(settings.length) };
  settings.forEach(([key, value], index) => {
    entries[`GIT_CONFIG_KEY_${index}`] = key;
    entries[`GIT_CONFIG_VALUE_${index}`] = value;
  });
  return entries;
}
function createGitEnv(env, platform = process.platform) {
  const child = pickCommon(env, platform);
  for (const name of GIT_NAMES) {
    const value = lookUp(env, name, platform);
    if (value !== void 0) child[name] = value;
  }
  for (const [name, value] of Object.entries(env)) {
    if (value !== void 0 && name.startsWith("GIT_")) child[name] = value;
  }
  return child;
}
function readPassEnv(env) {
  const names = (env[PASS_ENV_VARIABLE] ?? "").split(",").map((name) => name.trim()).filter(Boolean);
  const bad = names.find((name) => !/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name));
  if (bad !== void 0) throw new UsageError(`${PASS_ENV_VARIABLE}: expected comma-separated variable names, got ${JSON.stringify(bad)}`);
  return [...new Set(names)];
}
function pickCommon(env, platform) {
  const child = {};
  const names = platform === "win32" ? [...COMMON_NAMES, ...WINDOWS_NAMES] : COMMON_NAMES;
  for (const name of names) {
    const value = lookUp(env, name, platform);
    if (value !== void 0) child[name] = value;
  }
  for (const [name, value] of Object.entries(env)) {
    if (value !== void 0 && LOCALE_PATTERN.test(name)) child[name] = value;
  }
  return child;
}
function lookUp(env, name, platform) {
  if (env[name] !== void 0 || platform !== "win32") return env[name];
  const upper = name.toUpperCase();
  const key = Object.keys(env).find((candidate) => candidate.toUpperCase() === upper);
  return key === void 0 ? void 0 : env[key];
}

// src/render/kustomize/kustomize-runner.ts
var MEMORY_LIMIT_VARIABLE = "PRUNE_GUARD_MEMORY_LIMIT";
var DEFAULT_MEMORY_LIMIT = 1024 ** 3;
var MAX_OUTPUT_BYTES = 256 * 1024 ** 2;
var DEFAULT_TIMEOUT_MS = 5 * 60 * 1e3;
var GO_SOFT_LIMIT_SHARE = 0.9;
function createKustomizeRunner(options) {
  const explicit = options.bin ?? (options.env.PRUNE_GUARD_KUSTOMIZE || void 0);
  let bin;
  if (explicit) {
    bin = findExecutable(explicit, options.env.PATH);
    const from = options.bin ? "--kustomize-bin" : "PRUNE_GUARD_KUSTOMIZE";
    if (!bin) throw new RenderError(`kustomize binary not found or not executable: ${explicit} (from ${from})`);
  } else {
    bin = findExecutable("kustomize", options.env.PATH) ?? findExecutable("kubectl", options.env.PATH);
    if (!bin) {
      throw new RenderError(
        "neither kustomize nor kubectl is on PATH: install kubectl (https://kubernetes.io/docs/tasks/tools/) or kustomize, or pass --kustomize-bin"
      );
    }
  }
  const kustomize = bin;
  readPassEnv(options.env);
  const limit = readMemoryLimit(options.env);
  const prlimit = limit > 0 ? findExecutable("prlimit", options.env.PATH) : void 0;
  const viaKubectl = basename3(kustomize).startsWith("kubectl");
  const prefix2 = viaKubectl ? ["kustomize"] : ["build"];
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxOutputBytes = options.maxOutputBytes ?? MAX_OUTPUT_BYTES;
  const command = `${basename3(kustomize)} ${prefix2.join(" ")}`;
  const stat = statSync10(kustomize);
  return {
    command,
    identity: `${realpathSync4(kustomize)}\0${stat.size}\0${stat.mtimeMs}`,
    build: (dir) => new Promise((resolvePromise, reject) => {
      const args = [...prefix2, "--load-restrictor", "LoadRestrictionsNone", dir];
      const home = mkdtempSync4(join20(tmpdir4(), "prune-guard-home-"));
      const env = createKustomizeEnv(options.env, { home, ...prlimit ? { goMemLimit: Math.floor(limit * GO_SOFT_LIMIT_SHARE) } : {} });
      const [file, argv] = prlimit ? [prlimit, [`--data=${limit}`, "--", kustomize, ...args]] : [kustomize, args];
      let stop = () => {
      };
      const child = execFile(file, argv, { maxBuffer: maxOutputBytes, timeout: timeoutMs, encoding: "utf8", env }, (error, stdout, stderr) => {
        stop();
        if (!error) {
          resolvePromise(stdout);
          return;
        }
        reject(describeFailure(error, stderr, { command, timeoutMs, maxOutputBytes, limit: prlimit ? limit : 0 }));
      });
      stop = registerCleanup(() => {
        if (child.exitCode === null) child.kill();
        rmSync7(home, { recursive: true, force: true });
      });
    })
  };
}
function readMemoryLimit(env) {
  const raw = env[MEMORY_LIMIT_VARIABLE]?.trim();
  if (!raw) return DEFAULT_MEMORY_LIMIT;
  const match2 = /^(\d+(?:\.\d+)?)\s*(?:([KMGT])(?:i?B|i)?|B)?$/i.exec(raw);
  const power = match2?.[2] ? "KMGT".indexOf(match2[2].toUpperCase()) + 1 : 0;
  const bytes = match2 ? Math.floor(Number(match2[1]) * 1024 ** power) : Number.NaN;
  if (!Number.isSafeInteger(bytes)) {
    throw new UsageError(`${MEMORY_LIMIT_VARIABLE}: expected a size such as 2GiB or 512MiB, or 0 for no limit, got ${JSON.stringify(raw)}`);
  }
  return bytes;
}
function formatBytes(bytes) {
  for (const [unit, size] of [["GiB", 1024 ** 3], ["MiB", 1024 ** 2], ["KiB", 1024]]) {
    if (bytes >= size && bytes % size === 0) return `${bytes / size} ${unit}`;
  }
  return bytes >= 1024 ** 2 ? `${(bytes / 1024 ** 2).toFixed(1)} MiB` : `${bytes} bytes`;
}
var OUT_OF_MEMORY_PATTERN = /^(fatal error: .*(out of memory|cannot allocate memory|failed to reserve)|runtime: out of memory)/m;
function describeFailure(error, stderr, context) {
  if (error.code === "ERR_CHILD_PROCESS_STDIO_MAXBUFFER") {
    return new RenderError(`${context.command} printed more than ${formatBytes(context.maxOutputBytes)}, the most prune-guard reads from one build`);
  }
  const diedUnderCap = context.limit > 0 && (error.signal === "SIGSEGV" || error.signal === "SIGKILL");
  if (OUT_OF_MEMORY_PATTERN.test(stderr) || diedUnderCap) {
    const cause = context.limit > 0 ? `ran out of memory (limit ${formatBytes(context.limit)}; a YAML alias bomb? ${MEMORY_LIMIT_VARIABLE} raises the limit)` : "ran out of memory";
    return new RenderError(cause);
  }
  if (error.killed || error.signal === "SIGTERM") {
    return new RenderError(`${context.command} timed out after ${Math.round(context.timeoutMs / 1e3)}s`, stderr);
  }
  if (error.signal === "SIGKILL") return new RenderError(`${context.command} was killed (SIGKILL; out of memory?)`, stderr);
  return new RenderError(summarizeKustomizeError(stderr) || error.message.split("\n")[0] || "failed", stderr);
}
function summarizeKustomizeError(stderr) {
  let cause = readKlogError(stderr) ?? stderr.split("\n").map((line) => line.trim()).find(Boolean) ?? "";
  cause = cause.replace(/^(error|Error):\s*/, "");
  const retry = /': (must build at directory|failed to run ')/.exec(cause);
  if (retry) {
    const opener = "accumulation err='";
    const start = cause.lastIndexOf(opener, retry.index);
    if (start !== -1) cause = cause.slice(0, start) + cause.slice(start + opener.length, retry.index);
  }
  return cause;
}
function readKlogError(stderr) {
  const lines = stderr.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const quoted = /\berr="(.*)"\s*$/.exec(line);
    if (quoted?.[1] !== void 0) return quoted[1].replace(/\\"/g, '"');
    if (/\berr=<\s*$/.test(line)) {
      const body = [];
      for (const next of lines.slice(i + 1)) {
        if (/^\s*>\s*$/.test(next)) break;
        body.push(next.replace(/^\t/, ""));
      }
      return body.join("").trim();
    }
  }
  return void 0;
}
function findExecutable(name, pathList) {
  const candidates = name.includes("/") || isAbsolute2(name) ? [resolve4(name)] : (pathList ?? "").split(delimiter).filter(Boolean).map((dir) => join20(dir, name));
  return candidates.find((candidate) => {
    try {
      accessSync(candidate, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

// src/app/load-settings.ts
import { resolve as resolve5 } from "node:path";

// src/core/config/config-changes.ts
var CHANGES_LISTED = 12;
function describeConfigChange(file, before, after) {
  const object = { group: "", kind: "File", namespace: "", name: file, apiVersion: "" };
  const base = { rule: Rules.configChanged, severity: "error", object, unit: file, provenance: { file } };
  if ("problem" in after) {
    return { ...base, message: `This change rewrites ${file}, the configuration of this check, into one that does not load (${after.problem}); the check runs with the one before the change` };
  }
  const changes = listConfigChanges(before, after);
  if (changes.length === 0) return void 0;
  const listed = changes.slice(0, CHANGES_LISTED).join("; ");
  const more = changes.length > CHANGES_LISTED ? `; and ${changes.length - CHANGES_LISTED} more` : "";
  return {
    ...base,
    message: `This change edits ${file}, the configuration of this check: ${listed}${more}. The check runs with the one before the change; once merged, the new one decides`
  };
}
function listConfigChanges(before, after) {
  const changes = [];
  const old = before;
  const current = after;
  const keys = [.../* @__PURE__ */ new Set([...Object.keys(old), ...Object.keys(current)])].sort();
  for (const key of keys) {
    const a = old[key];
    const b = current[key];
    if (stringify5(a) === stringify5(b)) continue;
    if (Array.isArray(a) || Array.isArray(b)) {
      const from = (Array.isArray(a) ? a : []).map(stringify5);
      const to = (Array.isArray(b) ? b : []).map(stringify5);
      const added = to.filter((entry) => !from.includes(entry));
      const removed = from.filter((entry) => !to.includes(entry));
      if (added.length === 0 && removed.length === 0) changes.push(`${key} reordered`);
      for (const entry of added) changes.push(`${key} adds ${entry}`);
      for (const entry of removed) changes.push(`${key} drops ${entry}`);
    } else if (isPlainObject4(a) || isPlainObject4(b)) {
      const from = isPlainObject4(a) ? a : {};
      const to = isPlainObject4(b) ? b : {};
      for (const name of [.../* @__PURE__ */ new Set([...Object.keys(from), ...Object.keys(to)])].sort()) {
        if (stringify5(from[name]) === stringify5(to[name])) continue;
        changes.push(`${key}.${name} ${describeValue(from[name])} -> ${describeValue(to[name])}`);
      }
    } else {
      changes.push(`${key} ${describeValue(a)} -> ${describeValue(b)}`);
    }
  }
  return changes;
}
function describeValue(value) {
  return value === void 0 ? "(unset)" : stringify5(value);
}
function stringify5(value) {
  return redactCredentials(JSON.stringify(value, (_key, inner) => isPlainObject4(inner) ? Object.fromEntries(Object.entries(inner).sort(([x], [y]) => x < y ? -1 : x > y ? 1 : 0)) : inner) ?? "null");
}
function isPlainObject4(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// src/app/read-config-file.ts
import { existsSync as existsSync12, readFileSync as readFileSync15, statSync as statSync11 } from "node:fs";
import { join as join21 } from "node:path";
var CONFIG_FILE_NAMES = [".prune-guard.yaml", ".prune-guard.yml"];
function loadConfig(options) {
  if (options.path !== void 0) {
    if (options.path === "") throw new ConfigError("--config: the path is empty");
    return readConfigFile(options.path, options.path);
  }
  const root = options.repoRoot;
  if (root === void 0) return EMPTY_CONFIG;
  const found = CONFIG_FILE_NAMES.filter((name2) => existsSync12(join21(root, name2)));
  const [name, other] = found;
  if (name === void 0) return EMPTY_CONFIG;
  if (other !== void 0) throw new ConfigError(`${name} and ${other} both exist at the repository root: keep one`);
  return readConfigFile(join21(root, name), options.rootLabel ? `${options.rootLabel.replace(/\/$/, "")}/${name}` : name);
}
function readConfigFile(path2, shown) {
  let text;
  try {
    text = readFileSync15(path2, "utf8");
  } catch (error) {
    const code = error.code;
    if (code === "ENOENT" || code === "ENOTDIR") throw new ConfigError(`${shown}: config file not found`);
    if (code === "EISDIR") throw new ConfigError(`${shown}: is a directory, not a config file`);
    throw new ConfigError(`${shown}: cannot read the config file: ${getErrorMessage(error)}`);
  }
  return parseConfig(text, shown);
}
function loadTrustedConfig(policy, beforeRoot, afterRoot, file) {
  const candidates = file !== void 0 ? [file] : [...CONFIG_FILE_NAMES];
  const pick2 = (present) => {
    if (file === void 0 && present.length > 1) throw new ConfigError(`${present[0]} and ${present[1]} both exist at the repository root: keep one`);
    return present[0];
  };
  const policyName = pick2(candidates.filter((name) => policy.has(name)));
  const policyText = policyName === void 0 ? void 0 : policy.get(policyName);
  const config = policyName === void 0 || policyText === void 0 ? EMPTY_CONFIG : parseConfig(policyText, policyName);
  const before = readSide(beforeRoot, candidates, pick2);
  const after = readSide(afterRoot, candidates, pick2);
  const shown = file ?? policyName ?? after.name ?? before.name ?? CONFIG_FILE_NAMES[0];
  if ("problem" in after) return { config, file: shown, proposed: after };
  if (!("problem" in before) && after.text === before.text && after.name === before.name) return { config, file: shown };
  return { config, file: shown, proposed: after.config, ..."problem" in before ? {} : { previous: before.config } };
}
function readSide(root, candidates, pick2) {
  let name;
  try {
    name = pick2(candidates.filter((candidate) => existsSync12(join21(root, candidate))));
    if (name === void 0) return { config: EMPTY_CONFIG };
    const path2 = join21(root, name);
    if (!isInside(createConfinement(root), path2)) throw new ConfigError(`${name}: leads outside the repository (a symlink?)`);
    if (!statSync11(path2).isFile()) throw new ConfigError(`${name}: is not a file`);
    const text = readFileSync15(path2, "utf8");
    return { name, text, config: parseConfig(text, name) };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return { ...name ? { name } : {}, problem: error.message };
  }
}

// src/app/load-settings.ts
function loadSettings(options, sides) {
  const settle = (config2, configFindings = []) => ({ config: config2, failOn: options.failOn ?? config2.failOn ?? "error", configFindings, budget: createObjectBudget() });
  if (options.configPath !== void 0) return settle(loadConfig({ path: resolve5(options.cwd, options.configPath) }));
  if (options.source.kind === "dirs") return settle(loadConfig({ repoRoot: sides.after.root, rootLabel: options.source.after }));
  const { config, file, proposed, previous } = loadTrustedConfig(sides.policyFiles ?? /* @__PURE__ */ new Map(), sides.before.root, sides.after.root, options.repoConfigPath);
  const finding = proposed ? describeConfigChange(file, previous ?? EMPTY_CONFIG, proposed) : void 0;
  return settle(config, finding ? [finding] : []);
}

// src/app/render-progress.ts
function createProgressTracker(listener) {
  let state = { phase: "discover", units: 0, builds: 0, cached: 0, identical: 0 };
  const update = (next) => {
    state = { ...state, ...next };
    listener?.(state);
  };
  return {
    phase: (phase) => update({ phase }),
    planned: (count) => update({ units: state.units + count }),
    rendered: (cached) => update(cached ? { cached: state.cached + 1 } : { builds: state.builds + 1 }),
    identical: (count) => update({ identical: count }),
    current: () => state
  };
}
var PHASE_LABELS = {
  discover: "units that list others",
  changed: "changed units",
  needed: "units a finding needs",
  done: "rendering done"
};
function describeProgress(progress, elapsedMs) {
  const parts = [`${progress.units} ${progress.units === 1 ? "unit" : "units"}`, `${progress.builds} ${progress.builds === 1 ? "build" : "builds"}`];
  if (progress.cached > 0) parts.push(`${progress.cached} from the cache`);
  if (progress.phase === "done" && progress.identical > 0) parts.push(`${progress.identical} identical, not rendered`);
  return `${PHASE_LABELS[progress.phase]}: ${parts.join(", ")}, ${(elapsedMs / 1e3).toFixed(1)}s`;
}

// src/app/prepare-sides.ts
import { existsSync as existsSync13, realpathSync as realpathSync5, statSync as statSync12 } from "node:fs";
import { isAbsolute as isAbsolute3, relative as relative13, resolve as resolve6 } from "node:path";

// src/render/git.ts
import { execFile as execFile2, execFileSync } from "node:child_process";
import { mkdtempSync as mkdtempSync5, rmSync as rmSync8 } from "node:fs";
import { tmpdir as tmpdir5 } from "node:os";
import { join as join22 } from "node:path";
async function openRepository(cwd) {
  let root;
  try {
    root = (await runGit(cwd, ["rev-parse", "--show-toplevel"])).trim();
  } catch (error) {
    if (error instanceof GitError && /ENOENT/.test(error.details ?? "")) throw error;
    throw new GitError(`not inside a git repository: ${cwd} (use "prune-guard diff BEFORE_DIR AFTER_DIR" outside git)`);
  }
  return { root, run: (args) => runGit(root, args) };
}
function runGit(cwd, args) {
  return new Promise((resolvePromise, reject) => {
    execFile2("git", [...args], { cwd, maxBuffer: 64 * 1024 * 1024, encoding: "utf8", env: createGitEnv(process.env) }, (error, stdout, stderr) => {
      if (!error) resolvePromise(stdout);
      else if (error.code === "ENOENT") reject(new GitError("git is not installed or not on PATH", "ENOENT"));
      else reject(new GitError(`git ${args.join(" ")} failed: ${stderr.trim().split("\n")[0] ?? ""}`, stderr));
    });
  });
}
async function resolveCommit(git, ref) {
  try {
    return (await git.run(["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`])).trim();
  } catch {
    throw new GitError(`unknown git ref: ${ref}`);
  }
}
var DEFAULT_BASE_REFS = ["origin/HEAD", "origin/main", "main", "origin/master", "master"];
async function findDefaultBase(git) {
  for (const ref of DEFAULT_BASE_REFS) {
    try {
      await resolveCommit(git, ref);
      return ref;
    } catch {
    }
  }
  throw new GitError(`no base branch found (tried ${DEFAULT_BASE_REFS.join(", ")}): pass --base REF`);
}
async function findMergeBase(git, base, head, baseRef) {
  try {
    return (await git.run(["merge-base", base, head])).trim();
  } catch {
    throw new GitError(
      `no merge base between ${baseRef} and the head commit (a shallow clone? fetch more history, e.g. fetch-depth: 0)`
    );
  }
}
async function addTemporaryWorktree(git, commit) {
  const dir = mkdtempSync5(join22(tmpdir5(), "prune-guard-worktree-"));
  const remove = () => {
    try {
      execFileSync("git", ["worktree", "remove", "--force", dir], { cwd: git.root, stdio: "ignore", env: createGitEnv(process.env) });
    } catch {
    }
    rmSync8(dir, { recursive: true, force: true });
    try {
      execFileSync("git", ["worktree", "prune"], { cwd: git.root, stdio: "ignore", env: createGitEnv(process.env) });
    } catch {
    }
  };
  const dispose = registerCleanup(remove);
  try {
    await git.run(["worktree", "add", "--detach", "--force", dir, commit]);
  } catch (error) {
    dispose();
    throw error;
  }
  return { dir, dispose };
}
async function listWorkingTreeFiles(git) {
  const output = await git.run(["ls-files", "-z", "--cached", "--others", "--exclude-standard"]);
  return [...new Set(output.split("\0").filter(Boolean))].sort();
}
async function getOriginUrl(git) {
  try {
    return (await git.run(["remote", "get-url", "origin"])).trim() || void 0;
  } catch {
    return void 0;
  }
}
async function readFileAtCommit(git, commit, path2) {
  try {
    return await git.run(["cat-file", "blob", `${commit}:${path2}`]);
  } catch {
    return void 0;
  }
}

// src/app/prepare-sides.ts
async function prepareSides(options, checkouts) {
  return options.source.kind === "git" ? await prepareGitSides(options.source, options.cwd, checkouts, options.repoConfigPath) : prepareDirectorySides(options.source, options.cwd);
}
function createPathDisplay(root, prefix2) {
  return (absolute) => prefix2(toPosix(relative13(root, absolute)) || ".");
}
async function prepareGitSides(source, cwd, checkouts, configPath) {
  const git = await openRepository(cwd);
  const repoUrl = await getOriginUrl(git);
  const headCommit = await resolveCommit(git, source.head ?? "HEAD");
  const baseRef = source.base ?? await findDefaultBase(git);
  const baseCommit = await resolveCommit(git, baseRef);
  const mergeBase = source.exactBase ? baseCommit : await findMergeBase(git, baseCommit, headCommit, baseRef);
  const policyCommit = source.policyRef ? await resolveCommit(git, source.policyRef) : baseCommit;
  const policyFiles = /* @__PURE__ */ new Map();
  for (const name of configPath !== void 0 ? [configPath] : CONFIG_FILE_NAMES) {
    const text = await readFileAtCommit(git, policyCommit, name);
    if (text !== void 0) policyFiles.set(name, text);
  }
  const realCwd = realpathSync5(cwd);
  const paths = (source.paths.length > 0 ? source.paths : [git.root]).map((path2) => {
    const rel = relative13(git.root, resolve6(realCwd, path2));
    if (rel.startsWith("..") || isAbsolute3(rel)) throw new UsageError(`path is outside the repository: ${path2}`);
    return rel;
  });
  const baseCheckout = await addTemporaryWorktree(git, mergeBase);
  checkouts.push(baseCheckout);
  const before = {
    info: { label: source.baseLabel ?? `${baseRef} (merge base ${mergeBase.slice(0, 7)})` },
    root: baseCheckout.dir,
    show: createPathDisplay(baseCheckout.dir, (rel) => `${baseRef}:${rel}`),
    confinement: createConfinement(baseCheckout.dir)
  };
  const branch = source.baseBranch ?? readBranchName(baseRef);
  const common = { paths, policyFiles, ...repoUrl ? { repoUrl } : {}, ...branch ? { branch } : {} };
  if (!source.head) {
    const files = await listWorkingTreeFiles(git);
    const after2 = { info: { label: source.headLabel ?? "working tree" }, root: git.root, show: createPathDisplay(git.root, (rel) => rel), files, confinement: createConfinement(git.root) };
    return { ...common, before, after: after2 };
  }
  const headCheckout = await addTemporaryWorktree(git, headCommit);
  checkouts.push(headCheckout);
  const after = {
    info: { label: `${source.head} (${headCommit.slice(0, 7)})` },
    root: headCheckout.dir,
    show: createPathDisplay(headCheckout.dir, (rel) => `${source.head}:${rel}`),
    confinement: createConfinement(headCheckout.dir)
  };
  return { ...common, before, after };
}
function readBranchName(ref) {
  const name = ref.replace(/^refs\/heads\//, "").replace(/^refs\/remotes\/[^/]+\//, "").replace(/^origin\//, "");
  return name === "" || name === "HEAD" || /^[0-9a-f]{7,64}$/i.test(name) || /[~^:@]/.test(name) ? void 0 : name;
}
function prepareDirectorySides(source, cwd) {
  const side = (dir) => {
    const root = resolve6(cwd, dir);
    if (!existsSync13(root)) throw new UsageError(`directory not found: ${dir}`);
    if (!statSync12(root).isDirectory()) throw new UsageError(`not a directory: ${dir}`);
    return { info: { label: dir }, root, show: createPathDisplay(root, (rel) => rel === "." ? dir : `${toPosix(dir).replace(/\/$/, "")}/${rel}`), confinement: createConfinement(root) };
  };
  const after = side(source.after);
  return { before: side(source.before), after, paths: [""] };
}

// src/app/plan-run.ts
async function planRun(options, dependencies, checkouts) {
  const runner = (dependencies.createRunner ?? createDefaultRunner)(options);
  const cliMirrors = (options.mirrors ?? []).map(parseMirror);
  const github = options.fixes === false || options.offline ? void 0 : readGitHubAccess(options);
  const sides = await prepareSides(options, checkouts);
  const settings = loadSettings(options, sides);
  const { before, after, paths } = sides;
  const mode = paths.some((path2) => declaresFluxKustomizations(join23(before.root, path2)) || declaresFluxKustomizations(join23(after.root, path2))) ? "flux" : "kustomize";
  const mirrors = [...cliMirrors, ...settings.config.mirrors];
  const cacheDir = resolveCacheDir(options);
  const fetcher = createRemoteFetcher({
    cacheDir,
    mirrors,
    ...settings.config.remote.allow ? { allow: settings.config.remote.allow } : {},
    ...options.allowRemote ? { alsoAllow: options.allowRemote } : {},
    ...options.offline ? { offline: true } : {}
  });
  const render = {
    runner,
    remote: { mirrors, fetcher },
    settings,
    concurrency: options.concurrency ?? availableParallelism(),
    renderAll: options.render === "all",
    ...runner.identity !== void 0 ? { renders: createRenderCache({ dir: cacheDir }) } : {},
    progress: createProgressTracker(options.onProgress)
  };
  return { ...sides, mode, render, ...github ? { github } : {} };
}
function createDefaultRunner(options) {
  return createKustomizeRunner({ ...options.kustomizeBin ? { bin: options.kustomizeBin } : {}, env: options.env });
}
function readGitHubAccess(options) {
  const token = options.githubToken ?? (options.env.GITHUB_TOKEN || options.env.GH_TOKEN || void 0);
  const baseUrl = options.githubApiUrl ?? (options.env.GITHUB_API_URL || void 0);
  if (baseUrl !== void 0) {
    const where = options.githubApiUrl !== void 0 ? "--github-api-url" : "GITHUB_API_URL";
    if (!/^https?:\/\//.test(baseUrl) || !URL.canParse(baseUrl)) throw new UsageError(`${where} must be an http(s) URL, got '${hideUserInfo(baseUrl)}'`);
    const { username, password } = new URL(baseUrl);
    if (username || password) throw new UsageError(`${where} must not carry credentials (${hideUserInfo(baseUrl)}): set GITHUB_TOKEN instead`);
  }
  return { ...token ? { token } : {}, ...baseUrl ? { baseUrl } : {} };
}
function resolveCacheDir(options) {
  if (options.cacheDir) return resolve7(options.cwd, options.cacheDir);
  const { env } = options;
  if (env.PRUNE_GUARD_CACHE_DIR) return resolve7(options.cwd, env.PRUNE_GUARD_CACHE_DIR);
  return join23(env.XDG_CACHE_HOME || join23(env.HOME || homedir(), ".cache"), "prune-guard");
}

// src/app/run.ts
async function runWithTree(options, dependencies = {}) {
  const checkouts = [];
  let plan;
  try {
    plan = await planRun(options, dependencies, checkouts);
    const { before, after, render } = plan;
    const compared = await compare2(plan, options);
    const { analysis } = compared;
    const mask = createSecretMask(analysis.secretValues ?? []);
    const details = (analysis.unlisted ?? []).map((file) => `not applied, no kustomization lists it: ${file}`);
    if (options.fixes === false) return { report: maskReport(analysis.report, mask), headRoot: after.root, fixNotes: [], details };
    const { failOn } = render.settings;
    const fixLevel = failOn === "never" || failOn === "notice" ? "warning" : failOn;
    const fixes = await planFixes(
      analysis.report.findings.filter((finding) => isAtOrAbove(finding.severity, fixLevel)),
      compared.units,
      {
        beforeRoot: before.root,
        head: { root: after.root, show: after.show, ...after.files ? { files: after.files } : {} },
        beforeLabel: before.info.label,
        runner: render.runner,
        remote: render.remote,
        ...plan.github ? { contents: createRepositoryContents(createOctokit(plan.github)) } : {},
        scope: analysis.scope,
        config: render.settings.config,
        concurrency: render.concurrency
      }
    );
    return { report: maskReport(attachFixes(analysis.report, fixes.fixes, fixes.targets), mask), headRoot: after.root, fixNotes: fixes.notes.map(mask.text), details };
  } finally {
    plan?.render.remote.fetcher.close();
    await plan?.render.renders?.close();
    for (const checkout of checkouts) checkout.dispose();
  }
}
function compare2(plan, options) {
  const { before, after, paths, render } = plan;
  if (plan.mode === "flux") return compareFluxSides({ before, after, ...plan.repoUrl ? { repoUrl: plan.repoUrl } : {}, ...plan.branch ? { branch: plan.branch } : {} }, render);
  return compareSides({ before, after, paths, requireBothSides: options.source.kind === "dirs" }, render);
}

// src/cli.ts
var ExitCodes = {
  /** Nothing at or above --fail-on. */
  clean: 0,
  /** Findings at or above --fail-on. */
  blocking: 1,
  /** Usage, config, git or kustomize error: nothing was judged. */
  error: 2
};
var Formats = { text: "text", json: "json", markdown: "markdown" };
var HELP = `prune-guard: see what a change makes Flux prune before it merges

Usage
  prune-guard [PATH...] [--base REF] [--head REF]   compare git revisions
  prune-guard diff BEFORE_DIR AFTER_DIR             compare two directories
  prune-guard fix [PATH...] [--base REF] [--write]  show (or apply) the fixes
  prune-guard fix diff BEFORE_DIR AFTER_DIR [--write]
                                                    the same, fixing AFTER_DIR

PATH is a kustomization directory or a tree of them (default: the repository
root). Every kustomization root under it is rendered with kustomize on both
sides and the object sets are compared by group, kind, namespace and name.

Git options
  --base REF            compare with the merge base of REF and the head side
                        (default: origin/HEAD, origin/main, main, origin/master, master)
  --head REF            the side after the change (default: the working tree,
                        uncommitted changes included)

Fixes
  For CRDs and other cluster-scoped objects a change drops, prune-guard looks
  for where they went (a file next to the remote manifest, a file of the tree
  no kustomization lists) or vendors them, and builds again to verify the fix.
  fix prints the fixes as a patch on stdout (git apply takes it); --write
  applies them to the working tree (or to AFTER_DIR).
  --write               apply the verified fixes (fix only)
  --no-fix              check only: no look-ups, no verification builds
  --mirror FROM=TO      rewrite remote URLs starting with FROM to start with TO,
                        for rendering and look-ups (repeatable; also mirrors:
                        in the config file)
  --cache-dir DIR       cache of remote manifests and of renders, by content
                        (env PRUNE_GUARD_CACHE_DIR; default: ~/.cache/prune-guard)
  --allow-remote HOST   also allow remote resources from HOST: a host,
                        *.domain, host:port or http(s) URL prefix (repeatable;
                        besides remote.allow in the config file, or the
                        default list of public code hosts)
  --offline             download no remote resource: only the cache and
                        mirrors answer, and nothing asks GitHub
  --github-api-url URL  GitHub API for directory look-ups (env GITHUB_API_URL;
                        token from GITHUB_TOKEN or GH_TOKEN)

Output and verdict
  -f, --format FORMAT   text (default), json or markdown
  --fail-on LEVEL       error (default), warning, notice or never; overrides
                        failOn in the config file
  --config FILE         configuration (default: .prune-guard.yaml at the
                        repository root, or in AFTER_DIR for diff)
  --kustomize-bin PATH  kustomize or kubectl binary (env PRUNE_GUARD_KUSTOMIZE;
                        default: kustomize, else kubectl kustomize, from PATH)
  --render WHICH        changed (default): render the units whose inputs differ
                        between the sides, and the others only when a finding
                        needs them; all: render every unit
  -q, --quiet           no progress on stderr
  --verbose             also print how many builds ran and what was passed over;
                        on an error, the tool's full output
  -h, --help            show this help
  -v, --version         show the version

Exit codes
  0  nothing at or above --fail-on
  1  findings at or above --fail-on
  2  usage error, unknown ref, missing path, kustomize failure, malformed YAML

Examples
  prune-guard                               everything in the repo, vs. origin/HEAD
  prune-guard clusters/prod --base main     one tree, vs. main
  prune-guard diff examples/operator-crds/before examples/operator-crds/after
  prune-guard --format markdown > plan.md
  prune-guard fix --write                   apply the verified fixes
  prune-guard fix diff examples/operator-crds/before examples/operator-crds/after
`;
function parseCommandLine(argv, cwd, env) {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        base: { type: "string" },
        head: { type: "string" },
        format: { type: "string", short: "f", default: "text" },
        "fail-on": { type: "string" },
        config: { type: "string" },
        "kustomize-bin": { type: "string" },
        mirror: { type: "string", multiple: true },
        "cache-dir": { type: "string" },
        "allow-remote": { type: "string", multiple: true },
        offline: { type: "boolean", default: false },
        "github-api-url": { type: "string" },
        write: { type: "boolean", default: false },
        "no-fix": { type: "boolean", default: false },
        verbose: { type: "boolean", default: false },
        quiet: { type: "boolean", short: "q", default: false },
        render: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
        version: { type: "boolean", short: "v", default: false }
      }
    });
  } catch (error) {
    const first = (getErrorMessage(error).split("\n")[0] ?? "").split(". ")[0]?.replace(/\.$/, "") ?? "";
    const ambiguous = /^Option '(--[\w-]+)' argument is ambiguous$/.exec(first);
    throw new UsageError(ambiguous ? `option ${ambiguous[1]} needs a value (one that starts with a dash is written ${ambiguous[1]}=VALUE; see --help)` : `${first} (see --help)`);
  }
  const { values, positionals } = parsed;
  const format = checkChoice("--format", values.format, Object.values(Formats));
  const verbose = values.verbose;
  const write = values.write;
  if (values.help) return { action: "help", format, verbose, write };
  if (values.version) return { action: "version", format, verbose, write };
  const failOn = values["fail-on"] === void 0 ? void 0 : checkChoice("--fail-on", values["fail-on"], Object.values(FailLevels));
  const render = values.render === void 0 ? void 0 : checkChoice("--render", values.render, ["changed", "all"]);
  const fix = positionals[0] === "fix";
  if (write && !fix) throw new UsageError("--write applies to fix: prune-guard fix --write");
  if (fix && format !== "text") throw new UsageError("fix prints a patch; --format applies to the check, not to fix");
  if (fix && values["no-fix"]) throw new UsageError("--no-fix turns fix planning off, which fix needs");
  let source;
  const sourceArgs = fix ? positionals.slice(1) : positionals;
  if (sourceArgs[0] === "diff") {
    const command = fix ? "fix diff" : "diff";
    if (sourceArgs.length !== 3) throw new UsageError(`${command} takes exactly two directories: prune-guard ${command} BEFORE_DIR AFTER_DIR`);
    if (values.base !== void 0 || values.head !== void 0) throw new UsageError(`--base and --head apply to git mode, not to ${command}`);
    source = { kind: "dirs", before: sourceArgs[1], after: sourceArgs[2] };
  } else if (fix) {
    if (values.head !== void 0) throw new UsageError("fix works on the working tree; --head does not apply");
    source = { kind: "git", paths: sourceArgs, ...values.base !== void 0 ? { base: values.base } : {} };
  } else {
    source = {
      kind: "git",
      paths: positionals,
      ...values.base !== void 0 ? { base: values.base } : {},
      ...values.head !== void 0 ? { head: values.head } : {}
    };
  }
  return {
    action: fix ? "fix" : "run",
    format,
    verbose,
    write,
    quiet: values.quiet,
    options: {
      source,
      cwd,
      ...failOn ? { failOn } : {},
      ...values.config !== void 0 ? { configPath: values.config } : {},
      env,
      ...values["kustomize-bin"] !== void 0 ? { kustomizeBin: values["kustomize-bin"] } : {},
      mirrors: values.mirror ?? [],
      ...values["cache-dir"] !== void 0 ? { cacheDir: values["cache-dir"] } : {},
      ...values["allow-remote"] ? { allowRemote: values["allow-remote"].map(checkAllowRemote) } : {},
      ...values.offline ? { offline: true } : {},
      ...values["github-api-url"] !== void 0 ? { githubApiUrl: values["github-api-url"] } : {},
      ...values["no-fix"] ? { fixes: false } : {},
      ...render ? { render } : {}
    }
  };
}
function checkAllowRemote(value) {
  const problem = findAllowEntryProblem(value);
  if (problem) throw new UsageError(`--allow-remote is set to invalid value '${hideUserInfo(value)}': ${problem}`);
  return value;
}
function checkChoice(name, value, valid) {
  if (valid.includes(value)) return value;
  throw new UsageError(`${name} is set to invalid value '${value}'. Valid values: ${valid.join(", ")}`);
}
function formatReport(report, format, color, options) {
  if (format === "json") return protectJson(formatJson(report));
  const fixCommand = describeFixCommand(options);
  if (format === "markdown") return protectLines(formatMarkdown(report, { fixCommand }));
  return formatText(report, { color, fixCommand });
}
function describeFixCommand(options) {
  const { source } = options;
  const sides = source.kind === "dirs" ? ["diff", source.before, source.after] : [...source.paths, ...source.base !== void 0 ? ["--base", source.base] : []];
  const verdict = [
    ...options.failOn ? ["--fail-on", options.failOn] : [],
    ...options.configPath ? ["--config", options.configPath] : [],
    ...options.kustomizeBin ? ["--kustomize-bin", options.kustomizeBin] : [],
    ...(options.allowRemote ?? []).flatMap((entry) => ["--allow-remote", entry]),
    ...options.offline ? ["--offline"] : []
  ];
  const command = ["prune-guard", "fix", ...[...sides, ...verdict].map(quoteArgument)].join(" ");
  return source.kind === "git" && source.head !== void 0 ? { command, checkout: source.head } : { command };
}
function quoteArgument(value) {
  return /^[\w./:@=+,-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
function useColor(env, isTTY) {
  if (env.NO_COLOR !== void 0 && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR === "1" || env.FORCE_COLOR === "true") return true;
  return isTTY;
}
async function runFixCommand({ report, headRoot, fixNotes }, write, recheck) {
  for (const note of fixNotes) process.stderr.write(`${formatLogLine(`prune-guard: ${note}`)}
`);
  const { fixes } = report;
  if (fixes.length === 0) {
    const level = report.failOn === "never" || report.failOn === "notice" ? "warning" : report.failOn;
    const fixable = report.findings.filter((finding) => isAtOrAbove(finding.severity, level)).length;
    const warnings = report.findings.filter((finding) => finding.severity === "warning").length;
    const below = level === "error" && warnings > 0 ? `; with --fail-on warning it also looks at the ${warnings} ${warnings === 1 ? "warning" : "warnings"}` : "";
    process.stderr.write(
      fixable > 0 ? `prune-guard: no fix found for the ${fixable} ${fixable === 1 ? "finding" : "findings"} at or above ${level}; run prune-guard for the report
` : `prune-guard: nothing to fix: no finding at or above ${level}${below}
`
    );
    return report.blocking ? ExitCodes.blocking : ExitCodes.clean;
  }
  const read = (path2) => {
    const absolute = join24(headRoot, path2);
    return existsSync14(absolute) ? readFileSync16(absolute, "utf8") : void 0;
  };
  const { changes, applied, skipped } = applyFixes(write ? fixes.filter((fix) => fix.verified) : fixes, read);
  for (const fix of skipped) process.stderr.write(`${formatLogLine(`prune-guard: skipped a fix that collides with another (apply it after this one): ${fix.description}`)}
`);
  for (const fix of applied) process.stderr.write(`${formatLogLine(`prune-guard: ${fix.verified ? "verified" : "unverified"} fix: ${fix.description}`)}
`);
  if (!write) {
    const patch = protectPatch(formatFileChanges(changes));
    process.stdout.write(patch.text);
    if (patch.altered > 0) {
      process.stderr.write(
        `prune-guard: ${patch.altered} ${patch.altered === 1 ? "line" : "lines"} of the patch held control characters or read as a CI log command, and ${patch.altered === 1 ? "is" : "are"} printed escaped: git apply rejects ${patch.altered === 1 ? "it" : "them"}; --write applies the fixes as planned
`
      );
    }
    const root = toPosix(relative14(process.cwd(), headRoot));
    process.stderr.write(`prune-guard: run the same command with --write to apply, or pipe this patch to ${root ? `git -C ${quoteArgument(root)} apply` : "git apply"}
`);
    return report.blocking ? ExitCodes.blocking : ExitCodes.clean;
  }
  const unverified = fixes.filter((fix) => !fix.verified);
  if (unverified.length > 0) {
    process.stderr.write(`prune-guard: left ${unverified.length} unverified ${unverified.length === 1 ? "fix" : "fixes"} alone: review the patch of prune-guard fix and apply it by hand
`);
  }
  if (changes.length === 0) return report.blocking ? ExitCodes.blocking : ExitCodes.clean;
  for (const change of changes) {
    const absolute = join24(headRoot, change.path);
    mkdirSync7(dirname8(absolute), { recursive: true });
    writeFileSync5(absolute, change.after);
    process.stdout.write(`${formatLogLine(`${change.before === void 0 ? "created" : "updated"} ${change.path}`)}
`);
  }
  const after = await recheck();
  process.stderr.write(`prune-guard: after the ${changes.length === 1 ? "change" : "changes"}: ${formatPlanLine(after)}; ${formatFindingCounts(after)}. ${formatVerdict(after)}
`);
  return after.blocking ? ExitCodes.blocking : ExitCodes.clean;
}
async function main(argv) {
  let verbose = false;
  try {
    const request2 = parseCommandLine(argv, process.cwd(), process.env);
    verbose = request2.verbose;
    if (request2.action === "help") {
      process.stdout.write(HELP);
      return ExitCodes.clean;
    }
    if (request2.action === "version") {
      process.stdout.write(`${"0.1.0"}
`);
      return ExitCodes.clean;
    }
    const options = request2.options;
    const progress = createProgressDisplay(request2.quiet ? "none" : process.stderr.isTTY === true ? "line" : process.env.CI || process.env.GITHUB_ACTIONS ? "phases" : "none");
    let result;
    try {
      result = await runWithTree({ ...options, ...progress.onProgress ? { onProgress: progress.onProgress } : {} });
    } finally {
      progress.end();
    }
    const { report } = result;
    if (verbose) {
      const { builds, cached } = report.stats;
      process.stderr.write(`prune-guard: ${builds} kustomize ${builds === 1 ? "build" : "builds"}${cached > 0 ? `, ${cached} ${cached === 1 ? "render" : "renders"} from the cache` : ""}
`);
      for (const line of result.details) process.stderr.write(`${formatLogLine(`prune-guard: ${line}`)}
`);
    }
    if (request2.action === "fix") return await runFixCommand(result, request2.write, () => runWithTree({ ...options, fixes: false }).then(({ report: fresh }) => fresh));
    process.stdout.write(formatReport(report, request2.format, useColor(process.env, process.stdout.isTTY === true), options));
    return report.blocking ? ExitCodes.blocking : ExitCodes.clean;
  } catch (error) {
    process.stderr.write(`${formatLogLine(describeRunError(error))}
`);
    if (error instanceof PruneGuardError) {
      if (verbose && error.details) process.stderr.write(`${formatLogLines(redactCredentials(error.details.trimEnd()))}
`);
    } else if (process.env.PRUNE_GUARD_DEBUG && error instanceof Error) {
      process.stderr.write(`${formatLogLines(error.stack ?? "")}
`);
    }
    return ExitCodes.error;
  }
}
function createProgressDisplay(style) {
  if (style === "none") return { end: () => {
  } };
  const started = performance.now();
  let shown = false;
  let last = started;
  let previous;
  let renderedBefore = 0;
  const onProgress = (progress) => {
    const now = performance.now();
    if (style === "phases") {
      if (previous && progress.phase !== previous.phase) {
        const rendered = progress.builds + progress.cached;
        if (rendered > renderedBefore) process.stderr.write(`${formatLogLine(`prune-guard: ${describeProgress({ ...progress, phase: previous.phase }, now - started)}`)}
`);
        if (progress.phase === "done") process.stderr.write(`${formatLogLine(`prune-guard: ${describeProgress(progress, now - started)}`)}
`);
        renderedBefore = rendered;
      }
      previous = progress;
      return;
    }
    if (progress.phase !== "done" && now - last < 100) return;
    last = now;
    shown = true;
    process.stderr.write(`\r\x1B[K${describeProgress(progress, now - started)}`);
  };
  return {
    onProgress,
    // An error line must not start in the middle of the progress line.
    end: () => {
      if (shown) process.stderr.write("\r\x1B[K");
    }
  };
}
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    runPendingCleanups();
    process.exit(signal === "SIGINT" ? 130 : 143);
  });
}
await exitWhenFlushed(await main(process.argv.slice(2)));
