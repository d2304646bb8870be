import type { VNode } from 'vue'
import { cloneVNode, Comment, defineComponent, Fragment, h, Text } from 'vue'

function elements(nodes: VNode[]): VNode[] {
  return nodes.flatMap((node) => {
    if (node.type === Fragment)
      return elements(node.children as VNode[])
    if (node.type === Comment || (node.type === Text && !String(node.children).trim()))
      return []
    return [node]
  })
}

/**
 * Renders its one child with an extra click handler (the child's own still runs), so that
 * `<SignInButton><MyButton /></SignInButton>` needs no wrapper element.
 */
export default defineComponent({
  name: 'PorticoWithClick',
  props: {
    /** Runs on a click of the child. */
    onActivate: { type: Function, required: true },
    /** Names the wrapping component in the error about more than one child. */
    owner: { type: String, required: true },
  },
  setup(props, { slots }) {
    return () => {
      const children = elements(slots.default?.() ?? [])
      if (children.length !== 1)
        throw new Error(`[portico] <${props.owner}> takes one child element (a button or a link), got ${children.length}.`)
      const child = children[0]!
      // text alone becomes the label of a plain button
      if (child.type === Text)
        return h('button', { type: 'button', onClick: props.onActivate }, [child])
      return cloneVNode(child, { onClick: props.onActivate })
    }
  },
})
