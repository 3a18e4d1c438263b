// govuk-frontend ships no types; only what this app uses.
declare module 'govuk-frontend/dist/govuk/components/service-navigation/service-navigation.mjs' {
  /** Shows the "Menu" button below the tablet breakpoint and collapses the list behind it. */
  export class ServiceNavigation {
    constructor($root: Element);
  }
}
