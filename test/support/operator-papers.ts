/**
 * Papers that the seed taxonomy files under "Neural operators and PDE surrogates", each with its
 * own title and abstract: enough of them make a topic of several pages.
 */
const SYSTEMS = [
  'Navier-Stokes',
  'Darcy flow',
  'Burgers',
  'heat',
  'wave',
  'Helmholtz',
  'elasticity',
  'Allen-Cahn',
  'shallow water',
  'Kuramoto-Sivashinsky',
];
const METHODS = [
  'Fourier layers',
  'wavelets',
  'attention',
  'graph kernels',
  'multigrid',
  'spectral bases',
  'low-rank kernels',
  'mesh convolutions',
];

export function operatorPapers(from: number, count: number): { title: string; abstract: string }[] {
  return Array.from({ length: count }, (_, k) => {
    const i = from + k;
    const system = SYSTEMS[i % SYSTEMS.length]!;
    const method = METHODS[Math.floor(i / SYSTEMS.length) % METHODS.length]!;
    return {
      title: `Operator Study ${i}: A Neural Operator for ${system} with ${method}`,
      abstract: `We learn the solution operator of the ${system} equation with a neural operator built on ${method}. The surrogate model replaces a classical PDE solver for fluid dynamics and physics simulation, and it generalises across meshes. Study ${i} reports its error on held-out initial conditions.`,
    };
  });
}
