/** The chart builders and their theme: one module per chart kind (src/charts/*.ts). */
export * from "./theme";
export * from "./rows";
export * from "./price-path";
export * from "./grouped-bar";
export * from "./interval";
export * from "./small-multiples";
export * from "./verdict-bar";
export * from "./decorate";
export * from "./scales";
